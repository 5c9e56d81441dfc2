from dashboards.guard import show
from dashboards.views import profil

show(profil.render)
