package org.tongban.forms.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongban.forms.FormDefinition;
import org.tongban.forms.ValidatedForm;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.InvalidContentException;

/** Schema reading and data validation, rule by rule, without the application (docs/forms.md). */
class FormRulesTest {

    private static FormDefinition schema(String components) {
        return SchemaReader.read("test.form.json", "{\"id\":\"t\",\"components\":[" + components.replace('\'', '"') + "]}");
    }

    private static ValidatedForm check(FormDefinition form, Map<String, Object> data) {
        return FormDataValidator.validate(form, data);
    }

    private static List<String> codes(ValidatedForm result) {
        return result.problems().stream().map(p -> p.field() + " " + p.code()).toList();
    }

    private static void refused(String components, String because) {
        assertThatThrownBy(() -> schema(components)).isInstanceOf(InvalidContentException.class)
                .hasMessageContaining(because);
    }

    // --- schema ---

    @Test
    void theSampleFormsAreRead() throws Exception {
        for (String id : List.of("food-business-licence", "construction-permit", "outdoor-advertising")) {
            Path file = Path.of("..", "forms", id + ".form.json");
            assertThat(SchemaReader.read(file.toString(), Files.readString(file)).id()).isEqualTo(id);
        }
    }

    @Test
    void schemasAreRefusedWithTheirProblem() {
        refused("{'type':'filepicker','key':'f'}", "unsupported component type 'filepicker'");
        refused("{'type':'html','content':'<b>x</b>'}", "unsupported component type 'html'");
        refused("{'type':'button','key':'submit','action':'submit'}", "unsupported component type 'button'");
        refused("{'type':'textfield','key':'a'},{'type':'textfield','key':'a'}", "used twice");
        refused("{'type':'textfield','key':'a','properties':{'tongban:fromat':'mobile'}}", "unknown custom property 'tongban:fromat'");
        // a group without a path shares its parent's scope
        refused("{'type':'textfield','key':'a'},{'type':'group','components':[{'type':'textfield','key':'a'}]}", "used twice");
        refused("{'type':'textfield','key':'a.b'}", "no dots");
        refused("{'type':'textfield'}", "needs a 'key'");
        refused("{'type':'number','key':'n','validate':{'min':5,'max':1}}", "min is above");
        refused("{'type':'textfield','key':'t','validate':{'minLength':5,'maxLength':1}}", "minLength is above");
        refused("{'type':'textfield','key':'t','validate':{'pattern':'[a-'}}", "not a valid regular expression");
        refused("{'type':'textfield','key':'t','validate':{'pattern':'^(a+)+$'}}", "nested quantifier");
        refused("{'type':'textfield','key':'t','validate':{'pattern':'(x)\\\\1'}}", "back-reference");
        refused("{'type':'textfield','key':'t','properties':{'tongban:format':'zip'}}", "unknown tongban:format 'zip'");
        refused("{'type':'number','key':'t','properties':{'tongban:format':'mobile'}}", "text fields only");
        refused("{'type':'textfield','key':'t','properties':{'tongban:fromat':'mobile'}}", "unknown custom property");
        refused("{'type':'select','key':'s'}", "non-empty 'values'");
        refused("{'type':'select','key':'s','valuesKey':'options'}", "static 'values'");
        refused("{'type':'select','key':'s','values':[{'value':'A'},{'value':'A'}]}", "unique");
        refused("{'type':'dynamiclist','components':[]}", "needs a 'path'");
        refused("{'type':'dynamiclist','path':'l','components':[],'properties':{'tongban:minRows':'3','tongban:maxRows':'2'}}", "minRows");
        refused("{'type':'dynamiclist','path':'l','components':[],'properties':{'tongban:maxRows':'100000'}}", "maxRows");
        refused("{'type':'datetime','key':'d','subtype':'week'}", "subtype");
        refused("{'type':'textfield','key':'t','validate':{'validationType':'phone'}}", "validationType");
    }

    @Test
    void feelIsRefusedWhereTheServerDoesNotEvaluateItOrWhenItIsHostile() {
        refused("{'type':'textfield','key':'t','label':'=upper case(x)'}", "'label' holds FEEL");
        refused("{'type':'textfield','key':'t','readonly':'=true'}", "'readonly' holds FEEL");
        refused("{'type':'text','text':'Hello {{name}}'}", "holds FEEL or a template");
        refused("{'type':'textfield','key':'t','conditional':{'hide':'=a >'}}", "cannot be parsed");
        refused("{'type':'textfield','key':'t','conditional':{'hide':'a = 1'}}", "starting with '='");
        refused("{'type':'expression','key':'e','expression':'=for i in 1..1000000000 return i'}", "iteration");
        refused("{'type':'expression','key':'e','expression':'=some x in [1,2] satisfies x > 1'}", "quantifier");
        refused("{'type':'expression','key':'e','expression':'={f: function(x) x + 1, r: f(2)}.r'}", "function definition");
        refused("{'type':'expression','key':'e','expression':"
                + "'={f: function(x) external { java: { class: \\\"java.lang.System\\\", method signature: \\\"exit(int)\\\" } }, r: f(1)}.r'}",
                "External functions are disabled"); // the engine itself refuses them at parse
        refused("{'type':'expression','key':'e','expression':'=matches(t, \\\"(a+)+$\\\")'}", "regular expressions");
        refused("{'type':'expression','key':'e','expression':'=" + "1 + ".repeat(400) + "1'}", "longer than");
        refused("{'type':'expression','key':'e','expression':'=" + "a + ".repeat(200) + "1'}", "too large");
        refused("{'type':'expression','key':'e'}", "needs 'expression'");
    }

    // --- values ---

    @Test
    void requiredTypesLengthsAndPatterns() {
        var form = schema("{'type':'textfield','key':'t','label':'名称','validate':{'required':true,'minLength':2,'maxLength':4,'pattern':'[a-z]+'}},"
                + "{'type':'checkbox','key':'agree','validate':{'required':true}},{'type':'textfield','key':'mail','validate':{'validationType':'email'}}");
        assertThat(codes(check(form, Map.of()))).containsExactly("form.t required", "form.agree required");
        assertThat(codes(check(form, Map.of("t", 5, "agree", "yes")))).containsExactly("form.t not-text", "form.agree not-a-boolean");
        assertThat(codes(check(form, Map.of("t", "a", "agree", true)))).containsExactly("form.t too-short");
        assertThat(codes(check(form, Map.of("t", "abcde", "agree", true)))).containsExactly("form.t too-long");
        assertThat(codes(check(form, Map.of("t", "AB", "agree", true)))).containsExactly("form.t bad-format");
        assertThat(codes(check(form, Map.of("t", "ab", "agree", true, "mail", "x@")))).containsExactly("form.mail bad-email");
        assertThat(codes(check(form, Map.of("t", "ab", "agree", true, "mail", "li.na@deqing.gov.cn", "extra", 1))))
                .containsExactly("form.extra unknown-field");
    }

    @Test
    void numbers() {
        var form = schema("{'type':'number','key':'n','decimalDigits':2,'increment':'0.5','validate':{'min':1,'max':100}},"
                + "{'type':'number','key':'s','serializeToString':true}");
        assertThat(codes(check(form, Map.of("n", "5")))).containsExactly("form.n not-a-number");
        assertThat(codes(check(form, Map.of("n", 0.5)))).containsExactly("form.n too-small");
        assertThat(codes(check(form, Map.of("n", 100.5)))).containsExactly("form.n too-large");
        assertThat(codes(check(form, Map.of("n", 2.25)))).containsExactly("form.n not-a-step");
        assertThat(codes(check(form, Map.of("n", 2.125)))).containsExactly("form.n too-many-decimals");
        assertThat(check(form, Map.of("n", 2.5, "s", "12.75")).problems()).isEmpty();
        assertThat(codes(check(form, Map.of("s", "12,75")))).containsExactly("form.s not-a-number");
        assertThat(check(form, Map.of("n", 2.5)).problems().isEmpty()).isTrue();
        FieldProblem small = check(form, Map.of("n", 0)).problems().get(0);
        assertThat(small.args()).containsExactly("n", "n", "1");
    }

    @Test
    void options() {
        var form = schema("{'type':'select','key':'s','values':[{'label':'甲','value':'A'},{'label':'乙','value':'B'}]},"
                + "{'type':'radio','key':'r','values':[{'label':'是','value':'Y'}]},"
                + "{'type':'checklist','key':'c','validate':{'required':true},'values':[{'value':'A'},{'value':'B'}]},"
                + "{'type':'taglist','key':'g','values':[{'value':'X'}]}");
        assertThat(codes(check(form, Map.of("s", "C", "r", "N", "c", List.of("A", "Z"), "g", "X"))))
                .containsExactly("form.s not-an-option", "form.r not-an-option", "form.c not-an-option", "form.g not-a-list");
        assertThat(codes(check(form, Map.of("c", List.of())))).containsExactly("form.c required");
        assertThat(codes(check(form, Map.of("c", List.of("A", "A"))))).containsExactly("form.c bad-value");
        assertThat(check(form, Map.of("s", "B", "r", "Y", "c", List.of("A", "B"), "g", List.of("X"))).problems()).isEmpty();
    }

    @Test
    void datesAndTimes() {
        var form = schema("{'type':'datetime','key':'d','subtype':'date'},{'type':'datetime','key':'t','subtype':'time'},"
                + "{'type':'datetime','key':'dt','subtype':'datetime'},{'type':'datetime','key':'f','subtype':'date','disallowPassedDates':true}");
        assertThat(check(form, Map.of("d", "2027-02-28", "t", "09:30", "dt", "2027-02-28T09:30+08:00", "f", "2099-01-01")).problems()).isEmpty();
        assertThat(check(form, Map.of("t", "23:59Z", "dt", "2027-02-28T09:30")).problems()).isEmpty();
        assertThat(codes(check(form, Map.of("d", "2027-02-30", "t", "24:00", "dt", "2027-02-28 09:30", "f", "2001-01-01"))))
                .containsExactly("form.d bad-date", "form.t bad-time", "form.dt bad-datetime", "form.f date-in-past");
        assertThat(codes(check(form, Map.of("d", "28/02/2027", "t", 930)))).containsExactly("form.d bad-date", "form.t bad-time");
    }

    @Test
    void chineseFormats() {
        var form = schema("{'type':'textfield','key':'p','properties':{'tongban:format':'postalCode'}},"
                + "{'type':'textfield','key':'d','properties':{'tongban:format':'divisionCode'}},"
                + "{'type':'textfield','key':'id','properties':{'tongban:format':'residentId'}}");
        assertThat(check(form, Map.of("p", "313200", "d", "330521", "id", "330521199003151223")).problems()).isEmpty();
        assertThat(check(form, Map.of("d", "330500")).problems()).isEmpty();
        assertThat(codes(check(form, Map.of("p", "31320", "d", "990521", "id", "330521199003151224"))))
                .containsExactly("form.p bad-postal-code", "form.d bad-division-code", "form.id bad-resident-id");
        assertThat(codes(check(form, Map.of("p", "913200", "d", "330021")))).containsExactly("form.p bad-postal-code", "form.d bad-division-code");
    }

    @Test
    void groupsAndDynamicListsNameTheirPaths() {
        var form = schema("{'type':'group','label':'甲','components':[{'type':'textfield','key':'flat','validate':{'required':true}}]},"
                + "{'type':'group','path':'org','components':[{'type':'textfield','key':'name','validate':{'required':true}}]},"
                + "{'type':'dynamiclist','path':'staff','isRepeating':true,'properties':{'tongban:minRows':'1','tongban:maxRows':'3'},"
                + "'components':[{'type':'textfield','key':'healthCertificateNo','validate':{'required':true}}]}");
        assertThat(codes(check(form, Map.of()))).containsExactly("form.flat required", "form.org.name required", "form.staff too-few-rows");
        var rows = List.of(Map.of("healthCertificateNo", "A1"), Map.of("healthCertificateNo", "A2"), Map.of("other", "x"));
        assertThat(codes(check(form, Map.of("flat", "x", "org", Map.of("name", "y"), "staff", rows))))
                .containsExactly("form.staff[2].other unknown-field", "form.staff[2].healthCertificateNo required");
        assertThat(codes(check(form, Map.of("flat", "x", "org", "y", "staff", List.of(1, 2, 3, 4)))))
                .containsExactly("form.org not-an-object", "form.staff too-many-rows");
        assertThat(codes(check(form, Map.of("flat", "x", "org", Map.of("name", "y"), "staff", List.of("row")))))
                .containsExactly("form.staff[0] not-an-object");
        var ok = check(form, Map.of("flat", "x", "org", Map.of("name", "y"), "staff", List.of(Map.of("healthCertificateNo", "A1"))));
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.data()).isEqualTo(Map.of("flat", "x", "org", Map.of("name", "y"), "staff", List.of(Map.of("healthCertificateNo", "A1"))));
    }

    @Test
    void hiddenFieldsAreNeitherRequiredNorStored() {
        var form = schema("{'type':'radio','key':'lighting','values':[{'value':'YES'},{'value':'NO'}]},"
                + "{'type':'textfield','key':'lightingType','conditional':{'hide':'=lighting != \\\"YES\\\"'},'validate':{'required':true}},"
                + "{'type':'group','path':'sup','conditional':{'hide':'=lighting = \\\"NO\\\"'},'components':[{'type':'textfield','key':'n','validate':{'required':true}}]},"
                + "{'type':'dynamiclist','path':'rows','isRepeating':true,'components':["
                + "{'type':'number','key':'a'},{'type':'textfield','key':'why','conditional':{'hide':'=a < 10'},'validate':{'required':true}}]}");
        var hidden = check(form, new HashMap<>(Map.of("lighting", "NO", "lightingType", "bad\u0000", "sup", Map.of())));
        assertThat(hidden.problems()).isEmpty();
        assertThat(hidden.data()).isEqualTo(Map.of("lighting", "NO", "rows", List.of()));
        assertThat(codes(check(form, Map.of("lighting", "YES", "sup", Map.of("n", "x"))))).containsExactly("form.lightingType required");
        // inside a row, FEEL sees the row's own fields
        var rows = check(form, Map.of("lighting", "NO", "rows", List.of(Map.of("a", 5, "why", "dropped"), Map.of("a", 50))));
        assertThat(codes(rows)).containsExactly("form.rows[1].why required");
    }

    @Test
    void computedFieldsHoldTheServersValue() throws Exception {
        var form = schema("{'type':'number','key':'w'},{'type':'number','key':'h'},"
                + "{'type':'expression','key':'area','expression':'=if w != null and h != null then decimal(w * h, 2) else null'},"
                + "{'type':'textfield','key':'big','conditional':{'hide':'=area = null or area < 10'},'validate':{'required':true}}");
        var result = check(form, Map.of("w", 2.5, "h", 1.2, "area", 999));
        assertThat(result.problems()).isEmpty();
        assertThat(result.data()).containsEntry("area", 3L);
        assertThat(codes(check(form, Map.of("w", 4, "h", 5)))).containsExactly("form.big required");
        assertThat(check(form, Map.of("w", 6.25, "h", 1)).data()).containsEntry("area", 6.25);
        assertThat(check(form, Map.of()).data()).doesNotContainKey("area");

        Path file = Path.of("..", "forms", "construction-permit.form.json");
        var permit = SchemaReader.read("c", Files.readString(file));
        var days = check(permit, Map.of("plannedStart", "2027-01-15", "plannedEnd", "2027-01-24")).data();
        assertThat(days).containsEntry("plannedDays", 10L);
    }

    @Test
    void feelSeesOnlyDataNotJava() {
        // a context value is JSON; FEEL has no way from it to Java methods (external functions are refused at parse
        // and disabled in the engine)
        var form = schema("{'type':'textfield','key':'t'},{'type':'expression','key':'e','expression':'=string length(t)'}");
        assertThat(check(form, Map.of("t", "abc")).data()).containsEntry("e", 3L);
        assertThat(check(form, Map.of("t", Map.of("getClass", "x"))).data()).doesNotContainKey("e");
    }
}
