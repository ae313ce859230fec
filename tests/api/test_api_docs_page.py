"""The API documentation page: in English, readable at WCAG AA, and light on the wire."""

import gzip
import json

import lxml.html


def test_the_api_docs_page_declares_its_language_and_loads_the_readable_theme(client):
    page = lxml.html.fromstring(client.get("/api/docs/").content)

    assert page.get("lang") == "en"
    stylesheets = page.xpath("//link[@rel='stylesheet']/@href")
    # The theme comes after Swagger UI's own styles, from this site, never a CDN.
    assert stylesheets[-1].endswith("claims/swagger-ui-contrast.css")
    assert all(href.startswith("/static/") for href in stylesheets)


def test_the_api_docs_operations_have_no_links_inside_their_toggle_buttons(client):
    page = client.get("/api/docs/").content.decode()

    assert '"deepLinking": false' in page


def test_the_api_schema_is_sent_compressed_to_browsers_that_accept_it(client):
    response = client.get("/api/schema/?format=json", HTTP_ACCEPT_ENCODING="gzip, br")

    assert response["Content-Encoding"] == "gzip"
    schema = json.loads(gzip.decompress(response.content))
    assert schema["info"]["title"] == "Claim tracker API"
