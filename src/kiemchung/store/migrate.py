"""Run the Alembic migrations shipped inside the package (``kiemchung db upgrade``)."""

from __future__ import annotations

import functools
from importlib.resources import files

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, inspect

MIGRATIONS = "kiemchung.store:migrations"


def alembic_config(engine: Engine) -> Config:
    """An Alembic config whose script location is ``kiemchung/store/migrations`` and whose env.py reuses
    ``engine`` (so URL options such as a PostgreSQL search_path are kept)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(files("kiemchung.store") / "migrations"))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as conn:
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def stamp_head(engine: Engine) -> None:
    """Record the head revision without running migrations (after ``create_all``)."""
    with engine.begin() as conn:
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.stamp(cfg, "head")


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        if "alembic_version" not in inspect(conn).get_table_names():
            return None
        return MigrationContext.configure(conn).get_current_revision()


@functools.cache
def head_revision() -> str | None:
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    return ScriptDirectory.from_config(alembic_config(create_engine("sqlite://"))).get_current_head()
