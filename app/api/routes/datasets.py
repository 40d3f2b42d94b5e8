"""Datasets for the training lab: the built-in ones, seeded, and the learner's own CSV."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from ...engine.datasets import DEFAULTS, MAX_NOISE
from ..json_route import JSONBodyRoute
from ..limits import SettingsDep
from ..responses import answer
from ..schemas.common import MAX_SEED, DatasetName
from ..schemas.datasets import CsvBody, CsvRows, DatasetRows, DatasetSummary
from ..schemas.errors import BODY_RESPONSES, INVALID
from ..services import datasets as service
from ..work import run_engine

router = APIRouter(prefix="/api/datasets", tags=["datasets"], route_class=JSONBodyRoute)


# async where the work is small: the thread-pool hop of a plain def costs more than the work.
@router.get("", response_model=list[DatasetSummary], operation_id="listDatasets")
async def list_datasets(settings: SettingsDep):
    """Every built-in dataset: its kind, input width and the defaults used when a parameter is left out."""
    return service.dataset_summaries(settings)


# Declared before /{name} so that a wrong method on /csv answers 405 with Allow: POST.
# A plain def: up to max_body_bytes of CSV text is parsed in a worker thread, off the event loop.
@router.post("/csv", response_model=CsvRows, operation_id="parseCsv", responses=BODY_RESPONSES)
def parse_csv(body: CsvBody, settings: SettingsDep):
    """Your own data as CSV text (x1,…,xn,target per row; a header row allowed) → inputs and targets."""
    return service.csv_rows(settings, body)


@router.get("/csv", include_in_schema=False)
def refuse_get_csv():
    """GET /api/datasets/csv is no dataset: without this, /{name} would answer it with a 422."""
    raise HTTPException(405, "the CSV parser takes POST", headers={"Allow": "POST"})


@router.get("/{name}", response_model=DatasetRows, operation_id="getDataset", responses=INVALID)
async def read_dataset(
    name: Annotated[DatasetName, Path(examples=["xor"])],
    settings: SettingsDep,
    samples: Annotated[int, Query(ge=1, description="N, rows to draw (at most max_samples).")] = DEFAULTS["samples"],
    noise: Annotated[
        float, Query(ge=0, le=MAX_NOISE, allow_inf_nan=False, description="Std of the jitter.")
    ] = DEFAULTS["noise"],
    seed: Annotated[int, Query(ge=0, le=MAX_SEED, description="Same seed, same rows.")] = DEFAULTS["seed"],
    test_fraction: Annotated[float, Query(ge=0, lt=1, allow_inf_nan=False, description="Held-out share.")] = DEFAULTS[
        "test_fraction"
    ],
):
    """The dataset's rows from np.random.default_rng(seed): the same query always returns the same rows."""
    work = service.plan_rows(settings, samples)
    rows = (name, samples, noise, seed, test_fraction)
    return await run_engine(settings, work, answer, service.dataset_rows, *rows)
