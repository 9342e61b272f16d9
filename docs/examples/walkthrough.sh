#!/usr/bin/env bash
# From application to downloaded e-licence with curl, against a running Tongban with demo data
# (mvn -pl engine-app spring-boot:run). Every demo password is Tongban@2026. Each user logs in once
# (POST /auth/tokens) and sends the bearer token on every request; the password is checked only then.
# Usage: bash docs/examples/walkthrough.sh [base-url]
set -euo pipefail
BASE=${1:-http://localhost:8080}/api/v1
PW=Tongban@2026
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
printf '%%PDF-1.4\n%% sample material\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' > "$work/material.pdf"

# login USER: obtain a bearer token once (kept in $work/USER.token); auth USER: the header to send
login() {
  curl -sf "$BASE/auth/tokens" -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$PW\"}" \
    | json '["token"]' > "$work/$1.token"
}
auth() { [ -s "$work/$1.token" ] || login "$1"; echo "Authorization: Bearer $(cat "$work/$1.token")"; }

echo "== 1. Anyone reads the service guide (办事指南)"
curl -sf "$BASE/items/FOOD-BUSINESS-LICENCE" | json '["name"]["zh"]'

echo "== 2. Applicant 张伟 (zhangwei) submits an application with two materials"
curl -sf -H "$(auth zhangwei)" "$BASE/cases" \
  -F 'application={"itemCode":"FOOD-BUSINESS-LICENCE","form":{"operatorName":"德清县禹越镇味香餐饮有限公司","creditCode":"91330521MA2B3C4D5Q","legalRepresentative":"张伟","premisesAddress":"浙江省湖州市德清县禹越镇杭海路88号","operatorType":"CATERING","businessScope":"热食类食品制售","contactPhone":"13857212345","staff":[{"name":"王秀英","residentId":"330521199003151223","healthCertificateNo":"JK3305212026001","healthCertificateExpiry":"2099-06-30"}]}}' \
  -F PREMISES_PROOF=@"$work/material.pdf" -F LAYOUT_PLAN=@"$work/material.pdf" > "$work/case.json"
CASE=$(json '["caseNumber"]' < "$work/case.json"); CODE=$(json '["queryCode"]' < "$work/case.json")
echo "case number $CASE, query code $CODE"

# task APPROVER STEP: the case's open task at the step, found in the approver's to-do list by case number
task() { curl -sf -G -H "$(auth "$1")" "$BASE/tasks" --data-urlencode "caseNumber=$CASE" | python3 -c "import json,sys; print([t['id'] for t in json.load(sys.stdin)['items'] if t['stepKey']=='$2'][0])"; }
act() { curl -sf -H "$(auth "$1")" -H 'Content-Type: application/json' -d "$3" "$BASE/tasks/$(task "$1" "$2")/complete"; echo "   $1: $2 → $(echo "$3" | json '["action"]')"; }

echo "== 3. Window (王芳, wangfang) requests a correction (补正): one notice listing everything"
act wangfang acceptance '{"action":"REQUEST_CORRECTION","corrections":["租赁合同缺少出租方签章","布局图未标明仓库位置"]}'
curl -sf -H "$(auth zhangwei)" "$BASE/cases/$CASE" | json '["correctionNotice"]'

echo "== 4. The applicant resubmits the corrected layout plan"
curl -sf -H "$(auth zhangwei)" "$BASE/cases/$CASE/resubmission" -F LAYOUT_PLAN=@"$work/material.pdf" | json '["status"]'

echo "== 5. Accept, review, on-site inspection, decision (grant)"
act wangfang acceptance '{"action":"ACCEPT","opinion":"材料齐全，予以受理"}'
act liuyang review '{"action":"AGREE","opinion":"符合法定条件"}'
# the inspector fills the inspection record with the verdict (fields editable only at this step: docs/forms.md)
act liuyang inspection "{\"action\":\"AGREE\",\"opinion\":\"现场核查符合要求\",\"form\":{\"inspectionDate\":\"$(date +%F)\",\"inspectionResult\":\"PASS\"}}"
act wangfang decision '{"action":"GRANT","opinion":"准予许可"}'

echo "   王芳's done list (已办), newest first: $(curl -sf -H "$(auth wangfang)" "$BASE/tasks/done?size=2" | python3 -c "import json,sys; p=json.load(sys.stdin); print(p['total'], 'steps;', [(s['stepKey'], s['action']) for s in p['items']])")"

echo "== 6. Progress without login (case number + query code)"
curl -sf "$BASE/progress?caseNumber=$CASE&queryCode=$CODE" | json '["status"]'

echo "== 7. The holder downloads the licence PDF; another applicant cannot"
curl -sf -H "$(auth zhangwei)" -H 'Accept: application/pdf' -o "licence-$CASE.pdf" "$BASE/cases/$CASE/licence"
echo "saved licence-$CASE.pdf ($(wc -c < "licence-$CASE.pdf") bytes)"
echo "李娜 (lina) gets HTTP $(curl -s -o /dev/null -w '%{http_code}' -H "$(auth lina)" "$BASE/cases/$CASE/licence")"

echo "== 8. The case history"
curl -sf -H "$(auth zhangwei)" "$BASE/cases/$CASE/history" | python3 -c "
import json,sys
for e in json.load(sys.stdin): print('  ', e['occurredAt'][:19], e['actorName'], e.get('department') or '', e['action'], (e.get('opinion') or '').replace(chr(10),' '))"

echo "== 9. Log out: the applicant revokes the token; it is refused from now on"
curl -sf -X DELETE -H "$(auth zhangwei)" "$BASE/auth/tokens/current"
echo "   the revoked token now gets HTTP $(curl -s -o /dev/null -w '%{http_code}' -H "$(auth zhangwei)" "$BASE/cases")"
