from dashboards.guard import show
from dashboards.views import kualitas

show(kualitas.render, uses_dates=False)
