"""The baseline worker: the `bench` pipeline's workflow written with the
official Python SDK, with the same shape as orca's engine runs it: a local
activity resolves the pipeline, the search attributes are set, the policy is
checked in the workflow, one agent activity runs, the phase is published.
Also `orca.noop`, a workflow that returns at once (the server's ceiling).

usage: python3 bench/python_worker.py ADDRESS TASK_QUEUE
"""

import asyncio
import re
import sys
from datetime import timedelta

from temporalio import activity, workflow
from temporalio.client import Client
from temporalio.common import RetryPolicy, SearchAttributeKey
from temporalio.worker import Worker

PIPELINE = SearchAttributeKey.for_keyword("OrcaPipeline")
PHASE = SearchAttributeKey.for_keyword("OrcaPhase")

SPEC = {
    "name": "bench",
    "steps": [
        {"id": "policy", "kind": "policy", "subject": "{{ input.task }}", "deny": ["^forbidden"]},
        {"id": "work", "kind": "agent", "action": "carry out: {{ input.task }}", "duration": "0s"},
    ],
}


@activity.defn(name="orca.resolve")
async def resolve(request: dict) -> dict:
    return {"spec": SPEC, "input": request.get("input", {}), "groups": {}}


@activity.defn(name="orca.agent")
async def agent(request: dict) -> dict:
    action = request["action"]
    return {
        "output": {"simulated": True, "action": action, "result": f"simulated agent completed: {action}", "duration_ms": 0},
        "attempt": activity.info().attempt,
        "summary": f"simulated: {action}",
    }


@workflow.defn(name="Pipeline")
class Pipeline:
    def __init__(self) -> None:
        self.phase = "running"

    @workflow.run
    async def run(self, request: dict) -> dict:
        resolved = await workflow.execute_local_activity(
            resolve, {"pipeline": request["pipeline"], "input": request.get("input", {})},
            start_to_close_timeout=timedelta(seconds=30),
        )
        task = resolved["input"]["task"]
        workflow.upsert_search_attributes([PIPELINE.value_set(resolved["spec"]["name"]), PHASE.value_set("running")])
        outputs = {}
        if any(re.search(rule, task) for rule in resolved["spec"]["steps"][0]["deny"]):
            self.phase = "denied"
            workflow.upsert_search_attributes([PHASE.value_set("denied")])
            return {"outcome": "denied", "steps": outputs}
        outputs["policy"] = {"allowed": True, "rule": None, "subject": task}
        done = await workflow.execute_activity(
            agent, {"step": "work", "action": f"carry out: {task}", "duration_ms": 0, "fail_first": 0},
            start_to_close_timeout=timedelta(minutes=10),
            heartbeat_timeout=timedelta(seconds=5),
            retry_policy=RetryPolicy(initial_interval=timedelta(seconds=1), maximum_attempts=3),
            activity_id="work",
        )
        outputs["work"] = done["output"]
        self.phase = "completed"
        workflow.upsert_search_attributes([PHASE.value_set("completed")])
        return {"outcome": "completed", "steps": outputs}

    @workflow.query(name="status")
    def status(self) -> dict:
        return {"phase": self.phase}


@workflow.defn(name="orca.noop")
class Noop:
    @workflow.run
    async def run(self, _request: dict) -> None:
        return None


async def main() -> None:
    address, task_queue = sys.argv[1], sys.argv[2]
    client = await Client.connect(address)
    worker = Worker(
        client, task_queue=task_queue, workflows=[Pipeline, Noop], activities=[resolve, agent],
        max_concurrent_workflow_tasks=100, max_concurrent_activities=100,
    )
    print("python worker ready", flush=True)
    await worker.run()


if __name__ == "__main__":
    asyncio.run(main())
