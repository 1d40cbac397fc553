"""``claims serve``: the browser face and the JSON API (web/), served by uvicorn."""


from typing import Annotated

import typer

from cli.output import message
from cli.state import state

DEFAULT_HOST = "127.0.0.1"  # loopback: only this machine can connect
DEFAULT_PORT = 8000


def serve(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option(help="Address to listen on. 0.0.0.0 exposes the claims to the "
                          "whole network (browsing needs no login; studying does, over "
                          "plain HTTP unless behind TLS): see docs/web.md.")
    ] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = DEFAULT_PORT,
) -> None:
    """Search, compare and cite in the browser, and study after signing in (accounts from
    `claims learner add`), with a JSON API.

    Example: claims serve --port 8000
    """
    from claims.errors import UsageError

    try:
        import uvicorn

        from web.app import create_app
    except ImportError as error:
        raise UsageError(f"the web server needs packages that are not installed ({error.name})",
                         hint="reinstall claims: fastapi, uvicorn and jinja2 come with it",
                         ) from None
    app_state = state(ctx)
    app_state.engine()  # opens, migrates, builds the bundled corpus if need be (with a bar)
    app = create_app(app_state.db)
    if not app_state.quiet:
        message(f"Serving claims on http://{host}:{port}/ (Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning" if app_state.quiet else "info")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("serve")(serve)
