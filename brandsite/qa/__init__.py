"""Checks of a built site: internal links, HTML validity (Nu checker), Lighthouse scores."""
