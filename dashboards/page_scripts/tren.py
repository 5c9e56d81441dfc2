from dashboards.guard import show
from dashboards.views import tren

show(tren.render)
