"""Reading the suite's pages."""


def main(page: str) -> str:
    """The page's own content, without the header (whose language switch holds a fresh CSRF
    token at every request)."""
    return page[page.index("<main") : page.index("</main>")]
