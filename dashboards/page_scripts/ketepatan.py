from dashboards.guard import show
from dashboards.views import ketepatan

show(ketepatan.render)
