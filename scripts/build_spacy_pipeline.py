"""Builds the blank English spaCy pipeline with the lookup lemmatizer and saves it.

Pretrained spaCy models cannot be downloaded on our machines, so the crisis detector
uses a blank English tokenizer plus the lemma lookup table shipped in the
`spacy-lookups-data` package. Usage: python scripts/build_spacy_pipeline.py OUT_DIR
"""

import sys
from pathlib import Path

import spacy


def main(out_dir: str) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads the lookup table from spacy-lookups-data
    if nlp("she was killing time")[3].lemma_ != "time" or nlp("killing")[0].lemma_ != "kill":
        raise SystemExit("the lookup lemmatizer did not load its table")
    Path(out_dir).parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    print(f"saved blank English pipeline with lookup lemmatizer to {out_dir}")


if __name__ == "__main__":
    main(sys.argv[1])
