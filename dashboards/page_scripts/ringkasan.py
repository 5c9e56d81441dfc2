from dashboards.guard import show
from dashboards.views import ringkasan

show(ringkasan.render)
