import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from articles.models import Article, ArticleStatus, body_digest
from claims.models import Claim, ClaimStatus, text_digest

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@newsroom.example")
    is_staff = True
    password = factory.django.Password(PASSWORD)


class EditorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"editor{n}")
    groups = factory.PostGeneration(
        lambda user, create, extracted, **kwargs: user.groups.add(Group.objects.get(name="editors"))
    )


class ReviewerFactory(UserFactory):
    username = factory.Sequence(lambda n: f"reviewer{n}")
    groups = factory.PostGeneration(
        lambda user, create, extracted, **kwargs: user.groups.add(
            Group.objects.get(name="reviewers")
        )
    )


class ArticleFactory(factory.django.DjangoModelFactory):
    """An article stored as if already extracted; use the services to exercise extraction."""

    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Council report {n}")
    body = factory.Sequence(
        lambda n: f"The city spent $4.{n} million on road repairs in 2023, the council said."
    )
    outlet = "The Example Tribune"
    url = factory.Sequence(lambda n: f"https://example.org/news/{n}")
    body_hash = factory.LazyAttribute(lambda article: body_digest(article.body))
    extracted_body_hash = factory.LazyAttribute(lambda article: article.body_hash)
    status = ArticleStatus.DONE


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    text = factory.Sequence(lambda n: f"Unemployment fell to {n}.5 percent last year.")
    text_hash = factory.LazyAttribute(lambda claim: text_digest(claim.text))
    start = 0
    end = factory.LazyAttribute(lambda claim: len(claim.text))
    score = 0.9
    status = ClaimStatus.NEW
