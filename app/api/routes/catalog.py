"""Every name, default and limit the browser needs, in one answer."""

from fastapi import APIRouter

from ..limits import SettingsDep
from ..schemas.catalog import Catalog
from ..services import catalog as service

router = APIRouter(prefix="/api/catalog", tags=["catalog"])


# async: a few small dicts are cheaper than the thread-pool hop a plain def costs per request.
@router.get("", response_model=Catalog, operation_id="getCatalog")
async def read_catalog(settings: SettingsDep):
    """Activations, losses and optimizers (names, titles, defaults), the datasets, and the limits."""
    return service.read_catalog(settings)
