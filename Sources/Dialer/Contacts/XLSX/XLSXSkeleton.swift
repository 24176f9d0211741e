/// The fixed parts of a minimal workbook (content types, relationships, the workbook with its sheets), for
/// workbooks the benchmark and the tests write: the sheets, shared strings and styles are theirs to add as
/// `xl/worksheets/sheetN.xml`, `xl/sharedStrings.xml` and `xl/styles.xml`.
package enum XLSXSkeleton {
    package static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        </Types>
        """

    package static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    /// The workbook naming `sheets` in order (`rId1`… point at `worksheets/sheet1.xml`…), those in `hidden` hidden.
    package static func workbook(sheets: [String], hidden: Set<String> = [], uses1904Dates: Bool = false) -> String {
        let list = sheets.enumerated().map { index, name in
            "<sheet name=\"\(name)\" sheetId=\"\(index + 1)\"\(hidden.contains(name) ? " state=\"hidden\"" : "") r:id=\"rId\(index + 1)\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <workbookPr date1904="\(uses1904Dates ? 1 : 0)"/><sheets>\(list)</sheets></workbook>
            """
    }

    /// Relationships from the workbook to `sheets` worksheets, the shared strings and the styles.
    package static func workbookRelationships(sheets: Int) -> String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        let list = (1...max(sheets, 1)).map { index in
            "<Relationship Id=\"rId\(index)\" Type=\"\(base)worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(list)\
            <Relationship Id="rIdS" Type="\(base)sharedStrings" Target="sharedStrings.xml"/>\
            <Relationship Id="rIdT" Type="\(base)styles" Target="styles.xml"/></Relationships>
            """
    }
}
