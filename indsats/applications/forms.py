from django import forms
from django.utils.translation import gettext_lazy as _

from indsats.core.cleaning import refuse_line_breaks
from indsats.core.forms import PhoneNumberField

from .models import DocumentKind, Enquiry
from .offer_forms.base import MAX_ANSWER_LENGTH
from .uploads import MAX_UPLOAD_BYTES, judge_upload


class EnquiryForm(forms.ModelForm):
    # Set when the form is shown: a second click on "send" is the same enquiry (C12).
    submission_token = forms.UUIDField(widget=forms.HiddenInput, required=False)
    # As long as an application's answers may be (offer_forms.base.text_area).
    message = forms.CharField(
        label=_("Hvad vil I gerne tale med os om?"),
        help_text=_(
            "Beskriv kort jeres situation og ønsker. Vi kontakter jer for at tale om jeres behov."
        ),
        max_length=MAX_ANSWER_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    class Meta:
        model = Enquiry
        fields = ["subject", "message", "contact_name", "contact_email", "contact_phone"]

    def __init__(self, *args, offer=None, **kwargs):
        super().__init__(*args, **kwargs)
        if offer is not None and offer.requires_enquiry:
            # Only an offer that starts with an enquiry holds an initial meeting after it
            # (O1.2); the others' meeting, if any, follows the application (O4.3).
            self.fields["message"].help_text = _(
                "Beskriv kort jeres situation og ønsker. Vi kontakter jer for at aftale et "
                "indledende møde."
            )
        phone = self.fields["contact_phone"]
        self.fields["contact_phone"] = PhoneNumberField(
            label=phone.label, help_text=phone.help_text, required=False
        )
        # These go into e-mail subjects and greetings: one line each (C12).
        for name in ("subject", "contact_name", "contact_phone"):
            self.fields[name].validators.append(refuse_line_breaks)


class DocumentUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Vælg fil"),
        help_text=_("PDF, DOCX eller ODT. Højst 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt,application/pdf"}),
    )

    def __init__(self, *args, kind=DocumentKind.DRAFT_POLICY, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.content_type = None

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            verdict = judge_upload(b"", declared_size=upload.size)  # too big: never read it
        else:
            data = upload.read()
            upload.seek(0)
            verdict = judge_upload(data)
        if not verdict.accepted:
            raise forms.ValidationError(verdict.problem, code="upload")
        self.content_type = verdict.content_type
        return upload
