"""The meeting pages: the secretary's under /<body>/sammantraden/<id>/…, the public's calendar,
agendas, minutes, feeds and the notice board."""

from django.urls import path

from kansli.meetings import adoption_views, feeds, views

app_name = "meetings"

urlpatterns = [
    path("<slug:body>/sammantraden/", views.public_calendar, name="public_calendar"),
    path("<slug:body>/sammantraden/plan/", views.meeting_plan, name="meeting_plan"),
    path("<slug:body>/sammantraden/mina/", views.my_meetings, name="my_meetings"),
    path("<slug:body>/sammantraden/mina/kalender/", views.my_calendar, name="my_calendar"),
    path(
        "<slug:body>/sammantraden/mina/kalender/ny/",
        views.calendar_feed_create,
        name="calendar_feed_create",
    ),
    path(
        "<slug:body>/sammantraden/mina/kalender/aterkalla/",
        views.calendar_feed_revoke,
        name="calendar_feed_revoke",
    ),
    path(
        "<slug:body>/sammantraden/prenumeration/<str:token>.ics",
        views.calendar_feed,
        name="calendar_feed",
    ),
    path(
        "<slug:body>/sammantraden/<int:meeting>/forhinder/",
        views.absence_report,
        name="absence_report",
    ),
    path(
        "<slug:body>/sammantraden/<int:meeting>/forhinder/aterta/",
        views.absence_withdraw,
        name="absence_withdraw",
    ),
    path(
        "<slug:body>/sammantraden/kalender/<slug:organization>.ics",
        views.organization_feed,
        name="organization_feed",
    ),
    path("<slug:body>/sammantraden/<int:meeting>/", views.public_agenda, name="public_agenda"),
    path(
        "<slug:body>/sammantraden/<int:meeting>/handlingar.pdf",
        views.public_packet,
        name="public_packet",
    ),
    path(
        "<slug:body>/sammantraden/<int:meeting>/protokoll.pdf",
        views.public_minutes,
        name="public_minutes",
    ),
    path(
        "<slug:body>/sammantraden/<int:meeting>/protokoll/v<int:number>.pdf",
        views.minutes_version,
        name="minutes_version",
    ),
    path(
        "<slug:body>/sammantraden/<int:meeting>/utdrag/<int:item>.pdf",
        views.item_extract,
        name="item_extract",
    ),
    path(
        "<slug:body>/sammantraden/<int:meeting>/justering/",
        views.minutes_approval,
        name="minutes_approval",
    ),
    path(
        "<slug:body>/sammantraden/<int:meeting>/justering/<slug:action>/",
        views.minutes_action,
        name="minutes_action",
    ),
    path(
        "<slug:body>/sammantraden/<int:meeting>/hantera/",
        views.meeting_detail,
        name="meeting_detail",
    ),
    path(
        "<slug:body>/sammantraden/<int:meeting>/hantera/utskick/",
        views.meeting_deliveries,
        name="meeting_deliveries",
    ),
    path(
        "<slug:body>/sammantraden/<int:meeting>/hantera/utskick/<int:delivery>/skicka-igen/",
        views.delivery_resend,
        name="delivery_resend",
    ),
    path(
        "<slug:body>/sammantraden/<int:meeting>/sammantradet/",
        views.meeting_session,
        name="meeting_session",
    ),
    path(
        "<slug:body>/sammantraden/<int:meeting>/hantera/<slug:document>.pdf",
        views.meeting_document,
        name="meeting_document",
    ),
    path(
        "<slug:body>/sammantraden/<int:meeting>/atgard/<slug:action>/",
        views.meeting_action,
        name="meeting_action",
    ),
    path(
        "<slug:body>/sammantraden/<int:meeting>/bekrafta/<slug:action>/",
        views.meeting_confirm,
        name="meeting_confirm",
    ),
    path(
        "<slug:body>/sammantraden/<int:meeting>/punkter/<int:item>/<slug:action>/",
        views.item_action,
        name="item_action",
    ),
    path("<slug:body>/anslagstavla/", views.posting_board, name="posting_board"),
    path("<slug:body>/anslagstavla/arkiv/", views.posting_archive, name="posting_archive"),
    path("<slug:body>/anslagstavla/nytt/", views.notice_post, name="notice_post"),
    path(
        "<slug:body>/anslagstavla/tillkannagivande/<int:meeting>/",
        views.announcement_post,
        name="announcement_post",
    ),
    path("<slug:body>/anslagstavla/<int:notice>/", views.notice_detail, name="notice_detail"),
    path("<slug:body>/anslagstavla/flode.rss", feeds.public(feeds.BoardFeed()), name="board_rss"),
    path(
        "<slug:body>/anslagstavla/flode.atom",
        feeds.public(feeds.BoardAtomFeed()),
        name="board_atom",
    ),
    path(
        "<slug:body>/sammantraden/flode/<slug:organization>.rss",
        feeds.public(feeds.MeetingsFeed()),
        name="meetings_rss",
    ),
    path(
        "<slug:body>/sammantraden/flode/<slug:organization>.atom",
        feeds.public(feeds.MeetingsAtomFeed()),
        name="meetings_atom",
    ),
    path(
        "<slug:body>/personer/<int:person>/sammantraden.ics",
        views.person_feed,
        name="person_feed",
    ),
    path(
        "<slug:body>/uppfoljning/uppdrag/rapport/<int:report>/dagordning/",
        views.assignment_report_agenda,
        name="assignment_report_agenda",
    ),
    path(
        "<slug:body>/delegation/utkast/<int:draft>/dagordning/",
        adoption_views.order_draft_agenda,
        name="order_draft_agenda",
    ),
    path(
        "<slug:body>/uppfoljning/verkstallighet/sammantrade/<int:meeting>/",
        views.execution_meeting,
        name="execution_meeting",
    ),
]
