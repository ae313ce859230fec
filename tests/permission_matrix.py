"""Who may use which URL with which method: the project's permission matrix, as data.

Roles, in the order of each string: anonymous, API reader (signed in, no newsroom role),
reviewer, editor, admin (superuser). Letters: A allowed (the request reaches the page or the
action, which may still answer 400 or 409 on its content), D denied (401, 403 or a redirect to
the sign-in page), N absent (404 or 405, or the admin's "no such object" redirect).

For claim-specific actions "reviewer" means the reviewer the claim is assigned to; the service
answers any other reviewer with 403. Admin pages of models without sample rows in the test are
probed with an id that does not exist, so their object pages read N for staff.

tests/test_permission_matrix.py walks every URL pattern: a pattern without an entry here fails
it, and every entry is checked with real requests. docs/permissions.md is generated from this
module: `python -m tests.permission_matrix > docs/permissions.md`.
"""

ROLES = ("anonymous", "reader", "reviewer", "editor", "admin")
ROLE_TITLES = ("Anonymous", "API reader", "Reviewer", "Editor", "Admin")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")

# fmt: off
MATRIX: dict[str, dict[str, str]] = {
    'admin/dashboard/': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    'admin/dashboard/figures/': {"GET": "DDDAA", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/login/': {"GET": "AAAAA", "POST": "AAAAA", "PUT": "AAAAA", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'admin/logout/': {"GET": "NNNNN", "POST": "NNAAA", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'admin/password_change/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/password_change/done/': {"GET": "DDAAA", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/autocomplete/': {"GET": "DDDDD", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/jsi18n/': {"GET": "DDAAA", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/r/<path:content_type_id>/<path:object_id>/': {"GET": "DDNNN", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/auth/group/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/auth/group/add/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/auth/group/<path:object_id>/history/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/auth/group/<path:object_id>/delete/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/auth/group/<path:object_id>/change/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/auth/group/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/auth/user/<id>/password/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/auth/user/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/auth/user/add/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/auth/user/<path:object_id>/history/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/auth/user/<path:object_id>/delete/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/auth/user/<path:object_id>/change/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/auth/user/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/authtoken/tokenproxy/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/authtoken/tokenproxy/add/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/authtoken/tokenproxy/<path:object_id>/history/': {"GET": "DDNNN", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/authtoken/tokenproxy/<path:object_id>/delete/': {"GET": "DDDDN", "POST": "DDDDN", "PUT": "DDDDN", "PATCH": "DDDDN", "DELETE": "DDDDN"},
    'admin/authtoken/tokenproxy/<path:object_id>/change/': {"GET": "DDDDN", "POST": "DDDDN", "PUT": "DDDDN", "PATCH": "DDDDN", "DELETE": "DDDDN"},
    'admin/authtoken/tokenproxy/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/articles/article/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/articles/article/add/': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    'admin/articles/article/^([^/]+)/history/([^/]+)/$': {"GET": "DDAAA", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/articles/article/<path:object_id>/history/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/articles/article/<path:object_id>/delete/': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    'admin/articles/article/<path:object_id>/change/': {"GET": "DDAAA", "POST": "DDDAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    "admin/articles/article/<int:pk>/status/": {"GET": "DDAAA", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/articles/article/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/articles/feedsource/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/articles/feedsource/add/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/articles/feedsource/<path:object_id>/history/': {"GET": "DDNNN", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/articles/feedsource/<path:object_id>/delete/': {"GET": "DDDDN", "POST": "DDDDN", "PUT": "DDDDN", "PATCH": "DDDDN", "DELETE": "DDDDN"},
    'admin/articles/feedsource/<path:object_id>/change/': {"GET": "DDDDN", "POST": "DDDDN", "PUT": "DDDDN", "PATCH": "DDDDN", "DELETE": "DDDDN"},
    'admin/articles/feedsource/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/articles/importbatch/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/articles/importbatch/add/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/articles/importbatch/<path:object_id>/history/': {"GET": "DDNNN", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/articles/importbatch/<path:object_id>/delete/': {"GET": "DDDDN", "POST": "DDDDN", "PUT": "DDDDN", "PATCH": "DDDDN", "DELETE": "DDDDN"},
    'admin/articles/importbatch/<path:object_id>/change/': {"GET": "DDDDN", "POST": "DDDDD", "PUT": "DDDDN", "PATCH": "DDDDN", "DELETE": "DDDDN"},
    'admin/articles/importbatch/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    "admin/claims/claim/<int:pk>/assign/": {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    "admin/claims/claim/<int:pk>/statement/": {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    "admin/claims/claim/<int:pk>/claimant/": {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    "admin/claims/claim/<int:pk>/notes/": {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/claim/<int:pk>/verdict/': {"GET": "DDADD", "POST": "DDADD", "PUT": "DDADD", "PATCH": "DDADD", "DELETE": "DDADD"},
    'admin/claims/claim/<int:pk>/correct/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/claim/<int:pk>/publish/': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    "admin/claims/claim/<int:pk>/send-back/": {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    'admin/claims/claim/<int:pk>/second-reviewer/': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    'admin/claims/claim/<int:pk>/second-review/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/claims/claim/<int:pk>/duplicate/': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    'admin/claims/claim/<int:pk>/do/<slug:name>/': {"GET": "DDNNN", "POST": "DDADD", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    "admin/claims/claim/<int:pk>/desk/": {"GET": "DDAAA", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    "admin/claims/claim/<int:pk>/desk/originals/": {"GET": "DDDAA", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    "admin/claims/claim/<int:pk>/desk/<slug:move>/": {"GET": "DDNNN", "POST": "DDDAA", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    "admin/claims/claim/desk/article/<int:article_id>/missed/": {"GET": "DDNNN", "POST": "DDDAA", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/claims/claim/^([^/]+)/history/([^/]+)/$': {"GET": "DDAAA", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/claims/claim/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/claim/add/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/claims/claim/<path:object_id>/history/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/claim/<path:object_id>/delete/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/claims/claim/<path:object_id>/change/': {"GET": "DDAAA", "POST": "DDDAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/claim/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/appearance/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/appearance/add/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/claims/appearance/<path:object_id>/history/': {"GET": "DDNNN", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/claims/appearance/<path:object_id>/delete/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/claims/appearance/<path:object_id>/change/': {"GET": "DDNNN", "POST": "DDDNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/claims/appearance/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/matchsuggestion/find/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/matchsuggestion/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/matchsuggestion/add/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/claims/matchsuggestion/<path:object_id>/history/': {"GET": "DDNNN", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/claims/matchsuggestion/<path:object_id>/delete/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/claims/matchsuggestion/<path:object_id>/change/': {"GET": "DDNNN", "POST": "DDDNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/claims/matchsuggestion/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/externalreview/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/externalreview/add/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/claims/externalreview/<path:object_id>/history/': {"GET": "DDNNN", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/claims/externalreview/<path:object_id>/delete/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/claims/externalreview/<path:object_id>/change/': {"GET": "DDNNN", "POST": "DDDDD", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/claims/externalreview/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/claimant/^([^/]+)/history/([^/]+)/$': {"GET": "DDAAA", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/claims/claimant/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/claimant/add/': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    'admin/claims/claimant/<path:object_id>/history/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/claimant/<path:object_id>/delete/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/claims/claimant/<path:object_id>/change/': {"GET": "DDAAA", "POST": "DDDAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/claimant/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/ratingscale/^([^/]+)/history/([^/]+)/$': {"GET": "DDAAA", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/claims/ratingscale/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/ratingscale/add/': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    'admin/claims/ratingscale/<path:object_id>/history/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/ratingscale/<path:object_id>/delete/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/claims/ratingscale/<path:object_id>/change/': {"GET": "DDAAA", "POST": "DDDAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/ratingscale/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/rating/^([^/]+)/history/([^/]+)/$': {"GET": "DDAAA", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/claims/rating/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/rating/add/': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    'admin/claims/rating/<path:object_id>/history/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/rating/<path:object_id>/delete/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/claims/rating/<path:object_id>/change/': {"GET": "DDAAA", "POST": "DDDAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/rating/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/verdict/^([^/]+)/history/([^/]+)/$': {"GET": "DDAAA", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/claims/verdict/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/verdict/add/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/claims/verdict/<path:object_id>/history/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/verdict/<path:object_id>/delete/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/claims/verdict/<path:object_id>/change/': {"GET": "DDAAA", "POST": "DDDDA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/verdict/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/detectormodel/retrain/': {"GET": "DDNNN", "POST": "DDDAA", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/claims/detectormodel/<int:pk>/promote/': {"GET": "DDDNN", "POST": "DDDNN", "PUT": "DDDNN", "PATCH": "DDDNN", "DELETE": "DDDNN"},
    'admin/claims/detectormodel/missed/': {"GET": "DDNNN", "POST": "DDDAA", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/claims/detectormodel/rollback/': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    'admin/claims/detectormodel/': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    'admin/claims/detectormodel/add/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/claims/detectormodel/<path:object_id>/history/': {"GET": "DDNNN", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/claims/detectormodel/<path:object_id>/delete/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/claims/detectormodel/<path:object_id>/change/': {"GET": "DDDNN", "POST": "DDDDD", "PUT": "DDDNN", "PATCH": "DDDNN", "DELETE": "DDDNN"},
    'admin/claims/detectormodel/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/claims/detectorfeedback/': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    'admin/claims/detectorfeedback/add/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/claims/detectorfeedback/<path:object_id>/history/': {"GET": "DDNNN", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/claims/detectorfeedback/<path:object_id>/delete/': {"GET": "DDDDN", "POST": "DDDDN", "PUT": "DDDDN", "PATCH": "DDDDN", "DELETE": "DDDDN"},
    'admin/claims/detectorfeedback/<path:object_id>/change/': {"GET": "DDDNN", "POST": "DDDDN", "PUT": "DDDNN", "PATCH": "DDDNN", "DELETE": "DDDNN"},
    'admin/claims/detectorfeedback/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/consumers/apikey/': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    'admin/consumers/apikey/add/': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    'admin/consumers/apikey/<path:object_id>/history/': {"GET": "DDNNN", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/consumers/apikey/<path:object_id>/delete/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/consumers/apikey/<path:object_id>/change/': {"GET": "DDDNN", "POST": "DDDNN", "PUT": "DDDNN", "PATCH": "DDDNN", "DELETE": "DDDNN"},
    'admin/consumers/apikey/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/consumers/webhooksubscription/': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    'admin/consumers/webhooksubscription/add/': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    'admin/consumers/webhooksubscription/<path:object_id>/history/': {"GET": "DDNNN", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/consumers/webhooksubscription/<path:object_id>/delete/': {"GET": "DDDDN", "POST": "DDDDN", "PUT": "DDDDN", "PATCH": "DDDDN", "DELETE": "DDDDN"},
    'admin/consumers/webhooksubscription/<path:object_id>/change/': {"GET": "DDDNN", "POST": "DDDNN", "PUT": "DDDNN", "PATCH": "DDDNN", "DELETE": "DDDNN"},
    'admin/consumers/webhooksubscription/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/consumers/webhookdelivery/': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDAA", "PATCH": "DDDAA", "DELETE": "DDDAA"},
    'admin/consumers/webhookdelivery/add/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/consumers/webhookdelivery/<path:object_id>/history/': {"GET": "DDNNN", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/consumers/webhookdelivery/<path:object_id>/delete/': {"GET": "DDDDN", "POST": "DDDDN", "PUT": "DDDDN", "PATCH": "DDDDN", "DELETE": "DDDDN"},
    'admin/consumers/webhookdelivery/<path:object_id>/change/': {"GET": "DDDNN", "POST": "DDDDD", "PUT": "DDDNN", "PATCH": "DDDNN", "DELETE": "DDDNN"},
    'admin/consumers/webhookdelivery/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/axes/accessattempt/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/axes/accessattempt/add/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/axes/accessattempt/<path:object_id>/history/': {"GET": "DDNNN", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/axes/accessattempt/<path:object_id>/delete/': {"GET": "DDDDN", "POST": "DDDDN", "PUT": "DDDDN", "PATCH": "DDDDN", "DELETE": "DDDDN"},
    'admin/axes/accessattempt/<path:object_id>/change/': {"GET": "DDDDN", "POST": "DDDDN", "PUT": "DDDDN", "PATCH": "DDDDN", "DELETE": "DDDDN"},
    'admin/axes/accessattempt/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/axes/accesslog/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/axes/accesslog/add/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/axes/accesslog/<path:object_id>/history/': {"GET": "DDNNN", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/axes/accesslog/<path:object_id>/delete/': {"GET": "DDDDN", "POST": "DDDDN", "PUT": "DDDDN", "PATCH": "DDDDN", "DELETE": "DDDDN"},
    'admin/axes/accesslog/<path:object_id>/change/': {"GET": "DDDDN", "POST": "DDDDN", "PUT": "DDDDN", "PATCH": "DDDDN", "DELETE": "DDDDN"},
    'admin/axes/accesslog/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/axes/accessfailurelog/': {"GET": "DDDDA", "POST": "DDDDA", "PUT": "DDDDA", "PATCH": "DDDDA", "DELETE": "DDDDA"},
    'admin/axes/accessfailurelog/add/': {"GET": "DDDDD", "POST": "DDDDD", "PUT": "DDDDD", "PATCH": "DDDDD", "DELETE": "DDDDD"},
    'admin/axes/accessfailurelog/<path:object_id>/history/': {"GET": "DDNNN", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'admin/axes/accessfailurelog/<path:object_id>/delete/': {"GET": "DDDDN", "POST": "DDDDN", "PUT": "DDDDN", "PATCH": "DDDDN", "DELETE": "DDDDN"},
    'admin/axes/accessfailurelog/<path:object_id>/change/': {"GET": "DDDDN", "POST": "DDDDN", "PUT": "DDDDN", "PATCH": "DDDDN", "DELETE": "DDDDN"},
    'admin/axes/accessfailurelog/<path:object_id>/': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/^(?P<app_label>auth|authtoken|articles|claims|consumers|axes)/$': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "DDAAA", "PATCH": "DDAAA", "DELETE": "DDAAA"},
    'admin/(?P<url>.*)$': {"GET": "DDNNN", "POST": "DDNNN", "PUT": "DDNNN", "PATCH": "DDNNN", "DELETE": "DDNNN"},
    'api/auth/token/': {"GET": "NNNNN", "POST": "AAAAA", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'healthz': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/schema/': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/docs/': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/claims/match/': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/claims/export/': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/claimreviews/': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^articles/$': {"GET": "AAAAA", "POST": "DDDAA", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^articles/(?P<pk>[^/.]+)/$': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^claims/$': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^claims/(?P<pk>[^/.]+)/$': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^claims/(?P<pk>[^/.]+)/assign/$': {"GET": "NNNNN", "POST": "DDDAA", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^claims/(?P<pk>[^/.]+)/claimreview/$': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^claims/(?P<pk>[^/.]+)/verdict/correct/$': {"GET": "NNNNN", "POST": "DDAAA", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^claims/(?P<pk>[^/.]+)/duplicate/$': {"GET": "NNNNN", "POST": "DDDAA", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "DDDAA"},
    'api/^claims/(?P<pk>[^/.]+)/mark-checkable/$': {"GET": "NNNNN", "POST": "DDDAA", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^claims/(?P<pk>[^/.]+)/mark-not-checkable/$': {"GET": "NNNNN", "POST": "DDDAA", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^claims/(?P<pk>[^/.]+)/verdict/publish/$': {"GET": "NNNNN", "POST": "DDDAA", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^claims/(?P<pk>[^/.]+)/verdict/second-review/$': {"GET": "NNNNN", "POST": "DDAAA", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^claims/(?P<pk>[^/.]+)/second-reviewer/$': {"GET": "NNNNN", "POST": "DDDAA", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^claims/(?P<pk>[^/.]+)/moves/$': {"GET": "DDAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^claims/(?P<pk>[^/.]+)/notes/$': {"GET": "DDAAA", "POST": "DDAAA", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^claims/(?P<pk>[^/.]+)/start-review/$': {"GET": "NNNNN", "POST": "DDADD", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^claims/(?P<pk>[^/.]+)/unassign/$': {"GET": "NNNNN", "POST": "DDDAA", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^claims/(?P<pk>[^/.]+)/verdict/$': {"GET": "NNNNN", "POST": "DDAAA", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^ratings/$': {"GET": "AAAAA", "POST": "DNNNN", "PUT": "DNNNN", "PATCH": "DNNNN", "DELETE": "DNNNN"},
    'api/^ratings/(?P<slug>[^/.]+)/$': {"GET": "AAAAA", "POST": "DNNNN", "PUT": "DNNNN", "PATCH": "DNNNN", "DELETE": "DNNNN"},
    'api/^claimants/$': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^claimants/(?P<pk>[^/.]+)/$': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^verdicts/$': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^verdicts/(?P<pk>[^/.]+)/$': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^rating-scales/$': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^rating-scales/(?P<slug>[^/.]+)/$': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'api/^webhooks/$': {"GET": "DDDAA", "POST": "DDDAA", "PUT": "DDDNN", "PATCH": "DDDNN", "DELETE": "DDDNN"},
    'api/^webhooks/(?P<pk>[^/.]+)/$': {"GET": "DDDNN", "POST": "DDDNN", "PUT": "DDDNN", "PATCH": "DDDNN", "DELETE": "DDDNN"},
    'api/^webhooks/(?P<pk>[^/.]+)/deliveries/$': {"GET": "DDDNN", "POST": "DDDNN", "PUT": "DDDNN", "PATCH": "DDDNN", "DELETE": "DDDNN"},
    'api/': {"GET": "AAAAA", "POST": "DNNNN", "PUT": "DNNNN", "PATCH": "DNNNN", "DELETE": "DNNNN"},
    'claims/<int:pk>/': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'claims/<int:pk>/embed/': {"GET": "AAAAA", "POST": "AAAAA", "PUT": "AAAAA", "PATCH": "AAAAA", "DELETE": "AAAAA"},
    '': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'robots.txt': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'favicon.ico': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'sitemap.xml': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
    'sitemap-<section>.xml': {"GET": "AAAAA", "POST": "NNNNN", "PUT": "NNNNN", "PATCH": "NNNNN", "DELETE": "NNNNN"},
}
# fmt: on


# Admin pages of one claim or verdict that a reviewer reaches only for the claims they check or
# second-review (the MATRIX's reviewer column): to any other reviewer they are absent (N) or
# refused (D, a write the role may never make) with every method, and nothing changes.
REVIEWER_SCOPED = (
    "admin/claims/claim/<path:object_id>/change/",
    "admin/claims/claim/<int:pk>/notes/",
    "admin/claims/claim/<path:object_id>/history/",
    "admin/claims/claim/^([^/]+)/history/([^/]+)/$",
    "admin/claims/verdict/<path:object_id>/change/",
    "admin/claims/verdict/<path:object_id>/history/",
    "admin/claims/verdict/^([^/]+)/history/([^/]+)/$",
)


def _allowed_methods(entry: dict[str, str], role_index: int) -> str:
    allowed = [method for method in METHODS if entry[method][role_index] == "A"]
    return ", ".join(allowed) if allowed else "—"


def readme_table() -> str:
    """The matrix as a markdown table: for each URL, the methods each role may use."""
    header = "| URL pattern | " + " | ".join(ROLE_TITLES) + " |"
    rule = "|" + "---|" * (len(ROLES) + 1)
    rows = [
        f"| `{route.replace('|', '&#124;')}` | "
        + " | ".join(_allowed_methods(entry, index) for index in range(len(ROLES)))
        + " |"
        for route, entry in MATRIX.items()
    ]
    intro = (
        "# Permissions\n\n"
        "Generated from `tests/permission_matrix.py` (`python -m tests.permission_matrix`); "
        "`tests/test_permission_matrix.py` checks every cell with real requests and fails on a "
        "URL pattern that is missing here.\n\n"
        "Each cell lists the methods the role may use; every other method is refused (401, 403 "
        "or a redirect to sign-in) or absent (404/405). The API reader is a signed-in user "
        "without a newsroom role. For claim-specific actions the reviewer is the claim's own "
        "reviewer (or its named second reviewer); any other reviewer gets 403. In the admin, "
        "a reviewer reads verdicts, drafts, corrections, notes and change history only of the "
        "claims they check or second-review (any other claim's pages are absent to them); "
        "editors read all. Model admin pages answer PUT, PATCH and DELETE like GET, except a "
        "history record page (`…/history/<version>/`), which only shows a past version: it "
        "answers GET alone, and a POST (a revert) is refused for every role. Every refused "
        "write is also checked to have changed nothing in the database. The `.json` form of "
        "each API URL has the same rights as the URL.\n"
    )
    scoped = (
        "\nAbsent (or refused) to a reviewer who neither checks nor second-reviews the claim, "
        "with every method:\n\n" + "\n".join(f"- `{route}`" for route in REVIEWER_SCOPED) + "\n"
    )
    return "\n".join([intro, header, rule, *rows]) + "\n" + scoped


if __name__ == "__main__":
    print(readme_table(), end="")
