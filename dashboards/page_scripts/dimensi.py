from dashboards.guard import show
from dashboards.views import dimensi

show(dimensi.render)
