/// The API's OpenAPI 3.1 description, served at `/api/v1/openapi.json`. A test keeps its paths and
/// methods equal to the routes the application registers.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {"title": "Dialer CRM API", "version": "1", "description": "Campaigns, contacts, results, call records and click-to-call of a dialerd (docs/web.md). Every request needs Authorization: Bearer TOKEN with the operation's scope (dialerd users token create)."},
      "servers": [{"url": "/api/v1"}],
      "security": [{"bearer": []}],
      "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "scopes: read, contacts, calls"}},
        "parameters": {
          "campaign": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "the campaign's id (its file's campaign name)"},
          "since": {"name": "since", "in": "query", "schema": {"type": "string"}, "description": "next_cursor of the previous page; 0 or absent for the first"},
          "limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}}
        },
        "schemas": {
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}},
          "Page": {"type": "object", "required": ["items", "next_cursor"], "properties": {"items": {"type": "array", "items": {"type": "object"}}, "next_cursor": {"type": "string"}}},
          "ContactIn": {"type": "object", "required": ["external_id", "fields"], "properties": {"external_id": {"type": "string", "maxLength": 128}, "fields": {"type": "object", "additionalProperties": {"type": "string"}, "description": "values by the column names of the campaign's first list"}}}
        },
        "responses": {
          "Error": {"description": "refused", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      },
      "paths": {
        "/openapi.json": {"get": {"summary": "this document", "x-scope": "read", "responses": {"200": {"description": "OpenAPI 3.1"}, "401": {"$ref": "#/components/responses/Error"}}}},
        "/agents": {"get": {"summary": "the agents of the running campaigns the token's user may see, each with its state, since when (seconds) and the call it is on", "x-scope": "read", "responses": {"200": {"description": "{agents: [{campaign, agent, state, seconds, reason, call}]}"}, "401": {"$ref": "#/components/responses/Error"}}}},
        "/campaigns": {"get": {"summary": "the campaigns the token's user may see, with their state", "x-scope": "read", "responses": {"200": {"description": "{campaigns: [{id, state, contacts, pending, jobs}]}"}, "401": {"$ref": "#/components/responses/Error"}}}},
        "/campaigns/{id}": {"get": {"summary": "a campaign's status, as dialerd status --json gives it", "x-scope": "read", "parameters": [{"$ref": "#/components/parameters/campaign"}], "responses": {"200": {"description": "the campaign's status"}, "404": {"$ref": "#/components/responses/Error"}}}},
        "/campaigns/{id}/contacts": {"post": {"summary": "add contacts: each validated like a row of the campaign's first list, normalised, Do-Not-Call scrubbed, idempotent by external_id", "x-scope": "contacts", "parameters": [{"$ref": "#/components/parameters/campaign"}], "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["contacts"], "properties": {"contacts": {"type": "array", "maxItems": 10000, "items": {"$ref": "#/components/schemas/ContactIn"}}}}}}}, "responses": {"200": {"description": "{accepted, rejected, rows: [{row, external_id, status: added|already_added|rejected, contact_id, code, message}]}"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
        "/campaigns/{id}/contacts/{external_id}": {"delete": {"summary": "cancel a contact added over the API: its pending job ends and is never dialed", "x-scope": "contacts", "parameters": [{"$ref": "#/components/parameters/campaign"}, {"name": "external_id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "{external_id, status}"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
        "/campaigns/{id}/results": {"get": {"summary": "contacts whose result changed, after a cursor (the columns of results.csv, fields, external_id, disposition)", "x-scope": "read", "parameters": [{"$ref": "#/components/parameters/campaign"}, {"$ref": "#/components/parameters/since"}, {"$ref": "#/components/parameters/limit"}], "responses": {"200": {"description": "a page", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}}, "404": {"$ref": "#/components/responses/Error"}}}},
        "/campaigns/{id}/attempts": {"get": {"summary": "ended calls after a cursor (the columns of attempts.csv)", "x-scope": "read", "parameters": [{"$ref": "#/components/parameters/campaign"}, {"$ref": "#/components/parameters/since"}, {"$ref": "#/components/parameters/limit"}], "responses": {"200": {"description": "a page", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}}, "404": {"$ref": "#/components/responses/Error"}}}},
        "/campaigns/{id}/click-to-call": {"post": {"summary": "a call for an agent: the contact's job becomes an agent callback due now, dialed through the laws", "x-scope": "calls", "parameters": [{"$ref": "#/components/parameters/campaign"}], "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["agent"], "properties": {"agent": {"type": "string"}, "external_id": {"type": "string"}, "number": {"type": "string"}}}}}}, "responses": {"202": {"description": "{contact_id, agent, due_at, held_by}"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}}
      }
    }
    """#
}
