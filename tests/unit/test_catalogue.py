"""The topic catalogue (tests/support/catalogue.py) against what is written about it: the
project's own contract (docs/topics.md) and the domain."""

import re

from server import names
from tests.support.catalogue import catalogue, domain_topics
from tests.support.paths import ROOT, load_yaml

DOCUMENTED = re.findall(
    r"^\| `([a-z0-9.\-]+)` \| (\w+) \|",
    (ROOT / "docs" / "topics.md").read_text(encoding="utf-8"),
    re.M,
)


def test_the_contract_documents_every_topic_with_its_source():
    assert sorted(DOCUMENTED) == sorted(catalogue().items())


def test_the_safety_net_answers_from_the_domain():
    assert {names.CRISIS_TOPIC, "crisis.check"} <= domain_topics()
    responses = load_yaml("domain.yml")["responses"]
    assert responses[names.CRISIS_RESPONSE][0]["custom"]["topic"] == names.CRISIS_TOPIC
