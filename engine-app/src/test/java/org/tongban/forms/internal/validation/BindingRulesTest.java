package org.tongban.forms.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongban.catalogue.ServiceItem;
import org.tongban.forms.FieldBinding;
import org.tongban.forms.FormDefinition;
import org.tongban.forms.internal.ItemBindingRules;
import org.tongban.forms.internal.SchemaViews;
import org.tongban.shared.InvalidContentException;
import org.tongban.shared.LocalizedText;

/** Per-step permissions, variable mappings and prefills as the schema declares them (docs/forms.md). */
class BindingRulesTest {

    private static FormDefinition schema(String components) {
        return SchemaReader.read("test.form.json", "{\"id\":\"t\",\"components\":[" + components.replace('\'', '"') + "]}");
    }

    private static void refused(String components, String because) {
        assertThatThrownBy(() -> schema(components)).isInstanceOf(InvalidContentException.class).hasMessageContaining(because);
    }

    private static final String FORM = "{'type':'textfield','key':'name','properties':{'tongban:prefill':'profile.name'}},"
            + "{'type':'select','key':'kind','values':[{'value':'A'},{'value':'B'}],'properties':{'tongban:variable':'kind'},'validate':{'required':true}},"
            + "{'type':'number','key':'area','properties':{'tongban:variable':'area','tongban:hiddenAt':'jointReview'}},"
            + "{'type':'group','label':'核查','properties':{'tongban:editableAt':'inspection','tongban:hiddenAt':'apply'},'components':["
            + "  {'type':'radio','key':'result','values':[{'value':'PASS'},{'value':'FAIL'}],'validate':{'required':true}},"
            + "  {'type':'textarea','key':'notes'}]},"
            + "{'type':'dynamiclist','path':'rows','isRepeating':true,'properties':{'tongban:editableAt':'apply,acceptance'},"
            + "  'components':[{'type':'textfield','key':'x'}]}";

    private static FormDefinition form() {
        return schema(FORM);
    }

    @Test
    void bindingsAreReadPerTopLevelKey() {
        FormDefinition f = form();
        assertThat(f.binding("name").prefill()).isEqualTo("profile.name");
        assertThat(f.binding("name").at(FieldBinding.APPLY)).as("a prefilled field is never the applicant's").isEqualTo(FieldBinding.Access.READ_ONLY);
        assertThat(f.binding("kind").at(FieldBinding.APPLY)).isEqualTo(FieldBinding.Access.EDITABLE);
        assertThat(f.binding("kind").at("review")).isEqualTo(FieldBinding.Access.READ_ONLY);
        assertThat(f.binding("area").at("jointReview")).isEqualTo(FieldBinding.Access.HIDDEN);
        // a group without a path passes its steps on
        assertThat(f.binding("result").at("inspection")).isEqualTo(FieldBinding.Access.EDITABLE);
        assertThat(f.binding("notes").at(FieldBinding.APPLY)).isEqualTo(FieldBinding.Access.HIDDEN);
        assertThat(f.binding("rows").at("acceptance")).isEqualTo(FieldBinding.Access.EDITABLE);
        assertThat(f.editableAt("inspection")).containsExactlyInAnyOrder("result", "notes");
        assertThat(f.editableAt(FieldBinding.APPLY)).containsExactlyInAnyOrder("kind", "area", "rows");
    }

    @Test
    void visibilityFollowsTheViewersSteps() {
        FormDefinition f = form();
        Map<String, Object> data = Map.of("name", "张伟", "kind", "A", "area", 12, "result", "PASS");
        assertThat(f.visibleAt(data, List.of(FieldBinding.APPLY)).keySet()).containsExactlyInAnyOrder("name", "kind", "area");
        assertThat(f.visibleAt(data, List.of("jointReview")).keySet()).containsExactlyInAnyOrder("name", "kind", "result");
        // someone who works both steps sees what either shows
        assertThat(f.visibleAt(data, List.of("jointReview", "review")).keySet()).contains("area");
        // staff without a step of their own: only what no staff step hides
        assertThat(f.visibleAt(data, List.of()).keySet()).containsExactlyInAnyOrder("name", "kind", "result");
        // the schema they get has no component for what they may not see
        String schema = SchemaViews.filter(f, key -> f.visibleAt(key, List.of("jointReview")), (k, c) -> { }, true);
        assertThat(schema).doesNotContain("\"area\"").contains("\"result\"");
    }

    @Test
    void mappedFieldsAreTheOnlyVariablesAndAlwaysPresent() {
        FormDefinition f = form();
        assertThat(f.variables(Map.of("kind", "B", "area", 12.5, "result", "PASS")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("kind", "B", "area", new BigDecimal("12.5")));
        var empty = f.variables(Map.of());
        assertThat(empty).containsOnlyKeys("kind", "area").containsValue(null);
    }

    @Test
    void bindingsAreRefusedWhereTheServerCouldNotHonourThem() {
        refused("{'type':'text','text':'x','properties':{'tongban:editableAt':'review'}}", "apply to data fields");
        refused("{'type':'group','path':'p','components':[{'type':'textfield','key':'a','properties':{'tongban:hiddenAt':'review'}}]}",
                "set it on the enclosing group or list");
        refused("{'type':'dynamiclist','path':'l','isRepeating':true,'properties':{'tongban:variable':'l'},'components':[]}", "single fields");
        refused("{'type':'checklist','key':'c','values':[{'value':'A'}],'properties':{'tongban:variable':'c'}}", "cannot be a process variable");
        refused("{'type':'textfield','key':'a','properties':{'tongban:variable':'applicant'}}", "already uses");
        refused("{'type':'textfield','key':'a','properties':{'tongban:variable':'execution'}}", "already uses");
        refused("{'type':'textfield','key':'a','properties':{'tongban:variable':'v'}},{'type':'textfield','key':'b','properties':{'tongban:variable':'v'}}",
                "mapped from two fields");
        refused("{'type':'textfield','key':'a','properties':{'tongban:variable':'${x}'}}", "letters, digits");
        refused("{'type':'textfield','key':'a','properties':{'tongban:prefill':'profile.salary'}}", "not a verified-profile entry");
        refused("{'type':'number','key':'a','properties':{'tongban:prefill':'profile.name'}}", "text fields only");
        refused("{'type':'textfield','key':'a','properties':{'tongban:prefill':'profile.name','tongban:editableAt':'apply'}}", "filled by the server");
        refused("{'type':'textfield','key':'a','properties':{'tongban:editableAt':'review','tongban:hiddenAt':'review'}}", "in both");
        refused("{'type':'textfield','key':'a','properties':{'tongban:editableAt':'re view;drop'}}", "not a step id");
    }

    @Test
    void anItemsDeclaredVariablesAndStepsMustMatchTheForm() {
        var item = new ServiceItem("X", new LocalizedText("x", "x"), null, "D", "p", "p.bpmn", "t", null, null, List.of(),
                List.of(), List.of(), 1, 1, null, null, List.of("kind", "seats"), null, null, null);
        List<String> problems = ItemBindingRules.problems(item, form(), Set.of("acceptance", "review", "decision"));
        assertThat(problems).anyMatch(p -> p.contains("'area'") && p.contains("does not declare"))
                .anyMatch(p -> p.contains("'seats'") && p.contains("no field maps it"))
                .anyMatch(p -> p.contains("'inspection'") && p.contains("not a user task"))
                .noneMatch(p -> p.contains("'acceptance'"));
    }

    @Test
    void stepsEditOnlyTheirFields() {
        // see FormStepsHttpTest for the whole path; here: the required rule follows the step
        FormDefinition f = form();
        var data = new HashMap<String, Object>(Map.of("kind", "A"));
        assertThat(FormDataValidator.validate(f, data, f.editableAt(FieldBinding.APPLY)).problems()).isEmpty();
        assertThat(FormDataValidator.validate(f, data, f.editableAt("inspection")).problems())
                .extracting(p -> p.field() + " " + p.code()).containsExactly("form.result required");
    }
}
