"""Alerting the operator: a Prefect automation that posts to a webhook when a nightly run fails or is partial.

`awasi alerts --url https://chat.example/hooks/...` saves a webhook notification block and an automation on the
Prefect server in use (PREFECT_API_URL). The automation reacts to the events Prefect emits when a run of the
`awasi-nightly` flow enters the state Failed, Crashed or Partial (the flow ends Partial when it loaded the
night but held something back), and posts the run's name, state and message as JSON.
"""

from __future__ import annotations

BLOCK_NAME = "awasi-alert-webhook"
AUTOMATION_NAME = "awasi-nightly-alert"
STATES = ("Failed", "Crashed", "Partial")


def alert_automation(block_document_id):
    from prefect.automations import Automation
    from prefect.events.actions import SendNotification
    from prefect.events.schemas.automations import EventTrigger, Posture

    return Automation(
        name=AUTOMATION_NAME,
        description="Awasi nightly run failed or partial: tell the operator.",
        trigger=EventTrigger(
            expect={f"prefect.flow-run.{s}" for s in STATES},
            match_related={"prefect.resource.role": "flow", "prefect.resource.name": "awasi-nightly"},
            posture=Posture.Reactive, threshold=1, within=0,
        ),
        actions=[SendNotification(
            block_document_id=block_document_id,
            subject="Awasi: run malam {{ flow_run.name }} {{ flow_run.state.name }}",
            body="Run {{ flow_run.name }} berakhir {{ flow_run.state.name }}: {{ flow_run.state.message }}",
        )],
    )


def install_alerts(url: str) -> str:
    """Create (or replace) the webhook block and the automation; returns the automation's id."""
    from prefect.automations import Automation
    from prefect.blocks.notifications import CustomWebhookNotificationBlock

    block = CustomWebhookNotificationBlock(
        name="Awasi", url=url, json_data={"text": "{{subject}}\n{{body}}"}, secrets={})
    block_id = block.save(BLOCK_NAME, overwrite=True)
    try:
        Automation.read(name=AUTOMATION_NAME).delete()
    except ValueError:
        pass
    return str(alert_automation(block_id).create().id)
