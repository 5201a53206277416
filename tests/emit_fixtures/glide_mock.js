// A small in-memory stand-in for ServiceNow's server-side API (gs, Class, GlideRecord), enough
// to run csmconf's CsmconfAccess script include under node. Reads one JSON document on stdin:
//   {"script": "...", "db": {table: [row, ...]}, "refs": {"table.field": "target table"},
//    "checks": [[user sys_id, csmconf table, ServiceNow table, record sys_id, scope], ...]}
// and prints the JSON list of inScope answers.
var input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
var DB = input.db, REFS = input.refs, currentUser = '';

var gs = { getUserID: function() { return currentUser; } };
var Class = { create: function() { return function() { this.initialize.apply(this, arguments); }; } };

function resolve(table, row, path) {
    var parts = path.split('.'), value = row;
    for (var i = 0; i < parts.length; i++) {
        if (value == null) return null;
        if (i > 0) {
            var target = REFS[table + '.' + parts[i - 1]];
            value = (DB[target] || []).filter(function(r) { return r.sys_id == value; })[0];
            table = target;
            if (value == null) return null;
        }
        value = value[parts[i]];
    }
    return value == null ? null : String(value);
}

function matches(table, row, term) {
    var value = resolve(table, row, term[0]), op = term[1], wanted = term[2];
    if (op == '=') return value == String(wanted);
    if (op == 'IN') return String(wanted).split(',').indexOf(value) >= 0;
    throw new Error('operator ' + op + ' not mocked');
}

function GlideRecord(table) { this.table = table; this.terms = []; this.rows = []; this.at = -1; this.row = null; }
GlideRecord.prototype.get = function(id) {
    this.row = (DB[this.table] || []).filter(function(r) { return r.sys_id == id; })[0] || null;
    return this.row != null;
};
GlideRecord.prototype.addQuery = function(field, op, value) {
    if (value === undefined) { value = op; op = '='; }
    var any = [[field, op, value]];
    this.terms.push(any);
    return { addOrCondition: function(f, o, v) { if (v === undefined) { v = o; o = '='; } any.push([f, o, v]); } };
};
GlideRecord.prototype.addActiveQuery = function() { this.addQuery('active', '1'); };
GlideRecord.prototype.query = function() {
    var self = this;
    this.rows = (DB[this.table] || []).filter(function(row) {
        return self.terms.every(function(any) {
            return any.some(function(term) { return matches(self.table, row, term); });
        });
    });
    this.at = -1;
};
GlideRecord.prototype.next = function() {
    this.at++;
    this.row = this.rows[this.at] || null;
    return this.row != null;
};
GlideRecord.prototype.getValue = function(field) {
    var v = this.row[field];
    return v == null || v === '' ? null : String(v);
};
GlideRecord.prototype.getUniqueValue = function() { return this.row.sys_id; };

eval(input.script);
var answers = input.checks.map(function(check) {
    currentUser = check[0];
    var record = new GlideRecord(check[2]);
    if (!record.get(check[3])) throw new Error('no record ' + check[3]);
    return new CsmconfAccess().inScope(record, check[1], check[4]);
});
process.stdout.write(JSON.stringify(answers));
