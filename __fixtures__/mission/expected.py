"""Prints the expected bytes of __fixtures__/mission/tickets.ts, computed by spec-kitty's own code.

Run: ../shared/spec-kitty/bin/spec-kitty-python __fixtures__/mission/expected.py
Slug and summary come from spec-kitty's tracker/origin.py (`_derive_slug_from_ticket`,
`_derive_ticket_summary`); where spec-kitty refuses a ticket without an explanatory paragraph,
kitty-origin's documented default sentence is used. Bytes are Python's json.dumps per the contract.
"""
import json
from datetime import datetime, timezone

from specify_cli.tracker.origin import (
    OriginBindingError,
    _derive_slug_from_ticket,
    _derive_ticket_summary,
)
from specify_cli.tracker.origin_models import OriginCandidate

CASES = {
    "LINEAR": dict(
        mission_id="01M0M9D8R83DDKSZ62QKGV3YW0",
        key="WEB-123",
        title="  Add Clerk   auth — für Café 😀 ",
        body="## Why\n\nUsers should sign in with Clerk instead of our home-grown auth.\nIt must keep \"remember me\".\n\nSecond paragraph.",
        now_ms=1795595355913,
        event_ids=["01M0M9D8R9AAAAAAAAAAAAAAAA", "01M0M9D8R9BBBBBBBBBBBBBBBB"],
        project=("6c2f0e4a-9d3b-4f1e-8a7c-5b2d1e0f9a84", "acme-web"),
        origin=dict(
            external_issue_id="3f0c8a2e-5b1d-4c7e-9a60-2f4b8d1e7c93",
            external_issue_key="WEB-123",
            external_issue_url="https://linear.app/acme/issue/WEB-123/add-clerk-auth",
            provider="linear",
            resource_id="team-uuid",
            resource_type="linear_team",
            title="  Add Clerk   auth — für Café 😀 ",
        ),
    ),
    "JIRA": dict(
        mission_id="01M0M9D8R83DDKSZ62QKGV3YW0",
        key="PROJ_KEY-9",
        title="Fix login",
        body="Too short",
        now_ms=1795595355000,
        event_ids=["01M0M9D8R9CCCCCCCCCCCCCCCC", "01M0M9D8R9DDDDDDDDDDDDDDDD"],
        project=(None, None),
        origin=dict(
            external_issue_id="10042",
            external_issue_key="PROJ_KEY-9",
            external_issue_url="https://acme.atlassian.net/browse/PROJ_KEY-9",
            provider="jira",
            resource_id="PROJ_KEY",
            resource_type="jira_project",
            title="Fix login",
        ),
    ),
}


def build(case):
    candidate = OriginCandidate(
        external_issue_id=case["origin"]["external_issue_id"],
        external_issue_key=case["key"],
        title=case["title"],
        status="",
        url=case["origin"]["external_issue_url"],
        match_type="exact",
        body=case["body"],
    )
    slug = f"{_derive_slug_from_ticket(candidate)}-{case['mission_id'][:8]}"
    branch = f"kitty-origin/{slug}"
    try:
        friendly, tldr, context = _derive_ticket_summary(candidate)
    except OriginBindingError:
        friendly = tldr = " ".join(case["title"].split())
        context = (
            f"This mission advances {friendly} on {branch} so stakeholders can track the work "
            "from mission creation onward."
        )
    now = datetime.fromtimestamp(case["now_ms"] / 1000, timezone.utc)
    created_at = now.isoformat()
    meta = dict(
        created_at=created_at, flattened=False, friendly_name=friendly,
        mission_id=case["mission_id"], mission_number=None, mission_slug=slug,
        mission_type="software-dev", origin_ticket=case["origin"], pr_bound=True,
        purpose_context=context, purpose_tldr=tldr, slug=slug, target_branch=branch,
        topology="single_branch",
    )
    uuid, project_slug = case["project"]
    created = dict(
        aggregate_id=case["mission_id"], aggregate_type="Mission", event_id=case["event_ids"][0],
        event_type="MissionCreated",
        payload=dict(created_at=created_at, friendly_name=friendly, mission_id=case["mission_id"],
                     mission_number=None, mission_slug=slug, mission_type="software-dev",
                     purpose_context=context, purpose_tldr=tldr, target_branch=branch, wp_count=0),
        project_slug=project_slug, project_uuid=uuid, schema_version="5.0.0", timestamp=created_at,
    )
    started = dict(
        aggregate_id=slug, aggregate_type="Mission", event_id=case["event_ids"][1],
        event_type="SpecifyStarted",
        payload=dict(actor="kitty-origin", artifact_path=f"kitty-specs/{slug}/spec.md",
                     at=created_at.replace("+00:00", "Z"), mission_number=None, mission_slug=slug),
        project_slug=None, project_uuid=None, schema_version="5.0.0", timestamp=created_at,
    )
    meta_text = json.dumps(meta, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    events = "".join(json.dumps(event, sort_keys=True) + "\n" for event in (created, started))
    return meta_text, events


for name, case in CASES.items():
    meta_text, events = build(case)
    print(f"/** meta.json of {name}_INPUT, from Python. */")
    print(f"export const {name}_META =\n  {json.dumps(meta_text, ensure_ascii=False)}")
    print(f"/** status.events.jsonl of {name}_INPUT, from Python. */")
    print(f"export const {name}_EVENTS =\n  {json.dumps(events, ensure_ascii=False)}")
