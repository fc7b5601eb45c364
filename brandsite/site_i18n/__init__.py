"""The site in every language: catalogues, writer, story lists, twins (the site_i18n plugin)."""
