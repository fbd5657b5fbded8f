"""The Board's staff keep each municipality's contact persons (#9): list, add, edit and
remove, each edit versioned so two people never overwrite each other, and audited."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.core.cleaning import whole_number
from indsats.core.concurrency import CONFLICT, EditConflict, delete_if_unchanged, saved

from .forms import MunicipalContactForm
from .models import MunicipalContact, Municipality


def _municipality(code: str) -> Municipality:
    return get_object_or_404(Municipality.objects.select_related("region"), code=code)


def _contact(pk: int) -> MunicipalContact:
    return get_object_or_404(MunicipalContact.objects.select_related("municipality"), pk=pk)


@requires(permissions.can_keep_municipal_contacts)
def contact_list(request, code):
    municipality = _municipality(code)
    return render(
        request,
        "organisations/contacts.html",
        {"municipality": municipality, "contacts": municipality.contacts.all()},
    )


def _form_page(request, form, municipality, title, success):
    status = 200
    if request.method == "POST":
        if form.is_valid():
            if saved(form):
                messages.success(request, success)
                return redirect("organisations:contacts", code=municipality.code)
            status = CONFLICT
        else:
            status = 400
    return render(
        request,
        "organisations/contact_form.html",
        {"form": form, "municipality": municipality, "title": title},
        status=status,
    )


@requires(permissions.can_keep_municipal_contacts)
def contact_create(request, code):
    municipality = _municipality(code)
    form = MunicipalContactForm(
        request.POST or None, instance=MunicipalContact(municipality=municipality)
    )
    return _form_page(
        request,
        form,
        municipality,
        _("Ny kontaktperson i %(name)s") % {"name": municipality},
        _("Kontaktpersonen er tilføjet."),
    )


@requires(permissions.can_keep_municipal_contacts)
def contact_edit(request, pk):
    contact = _contact(pk)
    form = MunicipalContactForm(request.POST or None, instance=contact)
    return _form_page(
        request,
        form,
        contact.municipality,
        _("Ret %(name)s") % {"name": contact.name},
        _("Ændringerne er gemt."),
    )


@requires(permissions.can_keep_municipal_contacts)
def contact_delete(request, pk):
    contact = _contact(pk)
    status, conflict = 200, False
    if request.method == "POST":
        # Junk is not the version the user saw: a conflict, never a server error (C12).
        expected = whole_number(request.POST.get("version"), minimum=1)
        try:
            delete_if_unchanged(contact, expected)
        except EditConflict:
            contact.refresh_from_db()
            status, conflict = CONFLICT, True
        else:
            messages.success(
                request, _("%(name)s er fjernet som kontaktperson.") % {"name": contact.name}
            )
            return redirect("organisations:contacts", code=contact.municipality.code)
    return render(
        request,
        "organisations/contact_delete.html",
        {"contact": contact, "municipality": contact.municipality, "conflict": conflict},
        status=status,
    )
