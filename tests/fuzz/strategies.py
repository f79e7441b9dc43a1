"""Hypothesis strategies for what a hostile or broken client might send."""

from hypothesis import strategies as st

# Control characters, NUL, bidi overrides, lone surrogates and emoji next to plain words.
ODD_CHARACTERS = st.sampled_from(
    [
        "\x00",
        "\x01",
        "\x1b[31m",
        "\x7f",
        "\u202e",
        "\ufeff",
        "\ud800",
        "\udfff",
        "😔",
        "\n",
        "\t",
        "{",
        "[",
        "/",
        "\\",
        '"',
    ]
)
WORDS = st.sampled_from(
    [
        "hi",
        "lonely",
        "tell me more",
        "help",
        "/greet",
        "/ask_next_step",
        "delete",
        "../../etc/passwd",
        "<script>",
        "%00",
        "' OR 1=1 --",
    ]
)
MESSAGES = st.lists(st.one_of(WORDS, ODD_CHARACTERS, st.text(max_size=20)), max_size=8).map(
    " ".join
)

# Sender (conversation) ids that README's rule refuses: 1-128 of A-Za-z0-9_.:@+-, no "..".
BAD_SENDERS = st.sampled_from(
    [
        "../../etc/passwd",
        "..",
        "./x",
        "/etc/passwd",
        "a/b",
        "a\\b",
        "a" * 129,
        "a" * 5000,
        "x\x00y",
        "",
        " ",
        "nul:\n",
        "é",
        "😔",
        "a b",
        "<script>",
    ]
)
SENDERS = st.one_of(BAD_SENDERS, st.text(max_size=200))

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
# Webhook-like objects: each field missing, of the wrong type, or plausible.
WEBHOOK_FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "sender": st.one_of(JSON_VALUES, SENDERS),
        "message": st.one_of(JSON_VALUES, MESSAGES),
        "metadata": JSON_VALUES,
        "input_channel": JSON_VALUES,
    },
)
