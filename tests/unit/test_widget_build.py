"""The widget's build (scripts/build_widget.py): the embedded mode's styles, and the names the
widget shares with the server."""

import re

from scripts import build_widget
from server import names
from tests.support.paths import ROOT

CONFIG_JS = (ROOT / "widget" / "src" / "config.js").read_text(encoding="utf-8")


def js_string(name: str) -> str:
    found = re.search(rf'^var {name} = "([^"]*)";', CONFIG_JS, re.MULTILINE)
    assert found, f"{name} is not a string in widget/src/config.js"
    return found.group(1)


def test_the_widget_deletes_and_recognises_the_deletion_as_the_server_names_them():
    assert js_string("FORGET_COMMAND") == "/" + names.DELETE_INTENT
    assert js_string("PRIVACY_DELETED_TOPIC") == names.PRIVACY_DELETED_TOPIC


def test_the_embedded_styles_measure_rem_themselves_outside_media_queries():
    css = build_widget.embed_css()
    declarations = [line for line in css.splitlines() if not line.lstrip().startswith("@media")]
    assert not any(
        re.search(r"\drem\b", line.replace("var(--rc-rem, 1rem)", "")) for line in declarations
    )
    assert "calc(23.75 * var(--rc-rem, 1rem))" in css  # the panel's 380 px
    assert "@media (max-width: 30rem), (max-height: 32rem)" in css  # the viewport's, as written
    assert ":host {" in css and ".rc-widget {" in css


def test_the_page_stylesheet_is_the_widget_and_the_page_without_the_embedded_mode():
    css = build_widget.page_css()
    assert ".rc-widget {" in css and "#reconnect {" in css
    assert ":host" not in css and ".rc-launcher" not in css


def test_the_script_has_both_texts_written_in():
    script = build_widget.joined_script("The crisis text.", ":host { all: initial; }")
    assert '"The crisis text."' in script and '":host { all: initial; }"' in script
    assert "__RECONNECT_" not in script
