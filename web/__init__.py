"""The browser face of claims (``claims serve``): FastAPI routes, Jinja2 templates, htmx.

Like ``cli/``, a thin front end: each route parses the request, calls one library
function of ``claims/`` and renders HTML or the JSON the CLI prints. No SQL and no rules
live here. ``web.app.create_app`` builds the application; importing this package loads
nothing, so ``claims --help`` and ``claims search`` never import FastAPI.
"""
