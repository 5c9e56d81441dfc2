from dashboards.guard import show
from dashboards.views import ekspor

show(ekspor.render, uses_dates=False)
