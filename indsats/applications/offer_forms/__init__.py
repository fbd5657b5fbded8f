"""One application form per offer, each in its own module."""

from .o1_temaforloeb import TemaforloebForm
from .o2_udviklingsforloeb import UdviklingsforloebForm
from .o3_fleksibelt import FleksibeltForm
from .o4_opkvalificering import OpkvalificeringForm

FORM_FOR_OFFER = {
    "O1": TemaforloebForm,
    "O2": UdviklingsforloebForm,
    "O3": FleksibeltForm,
    "O4": OpkvalificeringForm,
}


def form_class_for(offer):
    return FORM_FOR_OFFER[offer.code]
