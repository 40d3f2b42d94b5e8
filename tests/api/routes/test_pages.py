"""The explainer's page."""


def test_the_page_answers_head_for_monitors(client):
    response = client.head("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
