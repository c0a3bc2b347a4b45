import typer

app = typer.Typer(
    name="kabar",
    help="Turn news articles into structured, searchable event data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Print kabar's version and exit.", is_eager=True),
) -> None:
    """kabar reads news articles and returns structured, CAMEO-coded event data."""
    if version:
        from kabar import __version__

        typer.echo(__version__)
        raise typer.Exit()
