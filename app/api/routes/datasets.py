"""Datasets for the training lab: the built-in ones, seeded, and the learner's own CSV."""

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query

from ..limits import SettingsDep, run_engine
from ..responses import answer
from ..schemas_out import ERROR_RESPONSES
from ..schemas_train import CsvRequest, CsvRows, DatasetRows, DatasetSummary
from ..services import datasets as service

router = APIRouter(prefix="/api/datasets", tags=["datasets"], responses=ERROR_RESPONSES)

DATASET_ROW_WORK = 20
"""Work units (samples × parameters, as ``inline_work`` counts them) charged per dataset row."""

DatasetName = Literal["xor", "circle", "gaussians", "spiral", "sine"]


# async where the work is small: the thread-pool hop of a plain def costs more than the work.
@router.get("", response_model=list[DatasetSummary])
async def list_datasets(settings: SettingsDep):
    """Every built-in dataset: its kind, input width and the defaults used when a parameter is left out."""
    return service.dataset_summaries(settings)


# Declared before /{name} so that a wrong method on /csv answers 405 with Allow: POST.
# A plain def: up to max_body_bytes of CSV text is parsed in a worker thread, off the event loop.
@router.post("/csv", response_model=CsvRows)
def parse_csv(body: CsvRequest, settings: SettingsDep):
    """Your own data as CSV text (x1,…,xn,target per row; a header row allowed) → inputs and targets."""
    return service.csv_rows(body, settings)


@router.get("/csv", include_in_schema=False)
def refuse_get_csv():
    """GET /api/datasets/csv is no dataset: without this, /{name} would answer it with a 422."""
    raise HTTPException(405, "the CSV parser takes POST", headers={"Allow": "POST"})


@router.get("/{name}", response_model=DatasetRows)
async def read_dataset(
    name: DatasetName,
    settings: SettingsDep,
    samples: Annotated[int, Query(ge=1, description="N, rows to draw (at most max_samples).")] = 200,
    noise: Annotated[float, Query(ge=0, le=1, allow_inf_nan=False, description="Std of the jitter.")] = 0.0,
    seed: Annotated[int, Query(ge=0, le=2**32 - 1, description="Same seed, same rows.")] = 0,
    test_fraction: Annotated[float, Query(ge=0, lt=1, allow_inf_nan=False, description="Held-out share.")] = 0.2,
):
    """The dataset's rows from np.random.default_rng(seed): the same query always returns the same rows."""
    if samples > settings.max_samples:
        message = f"is {samples}; the limit max_samples is {settings.max_samples}"
        raise HTTPException(422, [{"loc": ["query", "samples"], "msg": message, "type": "limit_exceeded"}])
    # Drawing the rows costs about as much per sample as a small network's forward pass.
    work = samples * DATASET_ROW_WORK
    rows = (name, samples, noise, seed, test_fraction)
    return await run_engine(settings, work, answer, service.dataset_rows, *rows)
