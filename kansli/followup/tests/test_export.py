from kansli.followup.export import csv_response


def test_csv_opens_in_swedish_excel_utf8_with_bom_and_semicolons() -> None:
    response = csv_response(
        "uppfoljning.csv", ["Plikt", "Antal"], [["Återrapportering; försenad", 3], ["Åtgärd", None]]
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="uppfoljning.csv"'
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")
    assert content.decode("utf-8-sig").splitlines() == [
        "Plikt;Antal",
        '"Återrapportering; försenad";3',
        "Åtgärd;",
    ]
