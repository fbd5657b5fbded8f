from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DocumentKind, Enquiry
from .uploads import MAX_UPLOAD_BYTES, judge_upload


class EnquiryForm(forms.ModelForm):
    class Meta:
        model = Enquiry
        fields = ["subject", "message", "contact_name", "contact_email", "contact_phone"]
        labels = {"message": _("Hvad vil I gerne tale med os om?")}
        help_texts = {
            "message": _(
                "Beskriv kort jeres situation og ønsker. Vi kontakter jer for at aftale et "
                "indledende møde."
            ),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}


class EnquiryAnswerForm(forms.ModelForm):
    class Meta:
        model = Enquiry
        fields = ["answer", "initial_meeting_at", "initial_meeting_place", "status"]
        widgets = {
            "answer": forms.Textarea(attrs={"rows": 5}),
            "initial_meeting_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].required = True
        self.fields["initial_meeting_at"].input_formats = ["%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M"]


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
