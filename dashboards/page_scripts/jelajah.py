from dashboards.guard import show
from dashboards.views import jelajah

show(jelajah.render)
