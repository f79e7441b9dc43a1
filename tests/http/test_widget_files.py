"""The widget's files, served by the Rasa server itself (channels/widget.py)."""

import json

import pytest
import requests

from tests.support.paths import load_yaml

WIDGET = "/webhooks/widget/"


def test_the_page_is_served_with_a_strict_content_security_policy(servers):
    page = requests.get(servers.url + WIDGET, timeout=10)
    assert page.status_code == 200
    assert page.headers["Content-Type"].startswith("text/html")
    assert 'id="reconnect"' in page.text
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]


def test_the_folder_url_without_its_slash_redirects_to_it(servers):
    answer = requests.get(servers.url + WIDGET.rstrip("/"), allow_redirects=False, timeout=10)
    assert answer.status_code in (301, 302)
    assert answer.headers["Location"].endswith(WIDGET)


@pytest.mark.parametrize(
    "name", ["reconnect-widget.js", "socket.io.min.js", "reconnect-widget.css"]
)
def test_every_asset_the_page_loads_is_there(servers, name):
    assert requests.get(servers.url + WIDGET + name, timeout=10).status_code == 200


def test_the_widget_script_carries_the_domain_crisis_message(servers):
    script = requests.get(servers.url + WIDGET + "reconnect-widget.js", timeout=10).text
    crisis = load_yaml("domain.yml")["responses"]["utter_crisis"][0]["text"]
    assert json.dumps(crisis) in script


def test_the_widget_script_carries_the_embedded_modes_styles(servers):
    # The launcher's styles are in the script (no request, nothing added to the host page),
    # and their rem lengths are the measured --rc-rem.
    script = requests.get(servers.url + WIDGET + "reconnect-widget.js", timeout=10).text
    assert "__RECONNECT_" not in script
    assert ":host {" in script and ".rc-launcher {" in script
    assert "calc(23.75 * var(--rc-rem, 1rem))" in script  # the panel's 380 px


@pytest.mark.parametrize(
    "name", ["nope.js", "..%2F..%2Fdomain.yml", "%2e%2e%2fcredentials.yml", ".hidden", "index"]
)
def test_anything_else_is_not_found(servers, name):
    answer = requests.get(servers.url + WIDGET + name, timeout=10)
    assert answer.status_code == 404
    assert "version" not in answer.text and "rasa" not in answer.text.lower()
