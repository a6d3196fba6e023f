"""The web site: the same validated content as the decks, as static, accessible HTML pages (Jinja2 templates)."""
