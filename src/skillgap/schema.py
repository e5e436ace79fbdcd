"""The JSON Schema of skillgap's JSON output, generated from the report models.

A copy ships in the package as ``report.schema.json``; a test checks it is current.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import RootModel

from skillgap.report import SCHEMA_VERSION, ErrorRecord, Report

SCHEMA_ID = f"urn:skillgap:report:{SCHEMA_VERSION}"


class Output(RootModel[Report | ErrorRecord | list[Report | ErrorRecord]]):
    """What ``--format json`` prints: one record for one input, a list for several (and what
    each line of ``--format jsonl`` holds: one record)."""


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``--format json`` output."""
    schema = Output.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"skillgap report, schema version {SCHEMA_VERSION}",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(report_schema(), indent=2, sort_keys=True) + "\n"
