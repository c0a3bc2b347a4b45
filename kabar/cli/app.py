import typer

app = typer.Typer(
    name="kabar",
    help="Turn news articles into structured, searchable event data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    # A parameter callback runs while the options are read, before click asks for a command,
    # so `kabar --version` alone works.
    if value:
        from kabar import __version__

        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", help="Print kabar's version and exit.", is_eager=True, callback=_print_version
    ),
) -> None:
    """kabar reads news articles and returns structured, CAMEO-coded event data."""
