"""The site in every language: catalogues, language writer, story lists and twins the site_i18n plugin wires in."""
