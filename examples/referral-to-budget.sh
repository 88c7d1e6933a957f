#!/bin/sh
# Takes one person of the demo from referral to an active budget with reviews scheduled, through
# the API, printing each answer. Start the platform first (./almoner demo), then run:
#   examples/referral-to-budget.sh [http://localhost:8080]
set -eu
BASE=${1:-http://localhost:8080}
PASSWORD=almoner-demo-password
HERE=$(cd "$(dirname "$0")" && pwd)

call() { # call USER METHOD PATH [JSON]
  if [ $# -ge 4 ]; then
    curl -sS -u "$1:$PASSWORD" -X "$2" -H 'Content-Type: application/json' -d "$4" "$BASE$3"
  else
    curl -sS -u "$1:$PASSWORD" -X "$2" "$BASE$3"
  fi
}
# field EXPRESSION: a Python expression over the JSON answer d, printed as text or JSON.
field() { python3 -c "import json,sys,decimal; d=json.load(sys.stdin, parse_float=decimal.Decimal); v=eval(sys.argv[1]); print(v if isinstance(v, str) else json.dumps(v, default=str))" "$1"; }
step() { printf '\n== %s\n' "$1"; }

step "The first person in the coordinator's caseload who has no budget yet"
PERSON=
for candidate in $(call coordinator GET '/api/people?limit=500' | field "'\\n'.join(p['id'] for p in d)"); do
  if [ "$(call coordinator GET "/api/people/$candidate/budgets")" = "[]" ]; then PERSON=$candidate; break; fi
done
[ -n "$PERSON" ] || { echo "Everyone in the caseload has a budget already; start the demo afresh (delete demo/platform)."; exit 1; }
call coordinator GET "/api/people/$PERSON"; echo

step "A referral into the continuing healthcare pathway"
REFERRAL=$(call coordinator POST "/api/people/$PERSON/referrals" \
  '{"cohort":"CHC","source":"CONTINUING_HEALTHCARE_TEAM","referrerName":"Nurse Jones","reason":"Eligible for CHC; wants more control at home"}' \
  | field "d['id']")
echo "referral $REFERRAL"

step "Eligibility: the legal right to have"
call coordinator POST "/api/referrals/$REFERRAL/eligibility" \
  '{"eligible":true,"basis":"NHS_CONTINUING_HEALTHCARE","reasons":"Primary health need (decision support tool)"}'; echo

step "Indicative budget from the person's statement of resources in the linked data set"
BUDGET=$(call coordinator POST "/api/people/$PERSON/budgets" | tee /dev/stderr | field "d['budget']['id']")

step "The care and support plan, drafted and agreed"
TODAY=$(date +%F)
REVIEW=$(python3 -c "import datetime; print(datetime.date.today() + datetime.timedelta(days=182))")
PLAN_JSON=$(sed -e "s/AGREED_ON/$TODAY/" -e "s/PLANNED_REVIEW/$REVIEW/" "$HERE/care-and-support-plan.json")
PLAN=$(call coordinator POST "/api/people/$PERSON/plans" "$PLAN_JSON" | field "d['id']")
call coordinator POST "/api/plans/$PLAN/agree" | field "d['version'], d['totalAnnualCost'], d['counts']"

step "Direct payment suitability, then the budget submitted for approval"
call coordinator POST "/api/budgets/$BUDGET/direct-payment/suitability" \
  '{"suitable":true,"note":"Daughter will manage it as nominee; support service in place"}' >/dev/null
call coordinator POST "/api/budgets/$BUDGET/submit" "{\"planId\":\"$PLAN\",\"personContribution\":500}" \
  | field "d['budget']['status'], d['budget']['finalAmount'], d['budget']['approvalLevel'], d['budget']['mechanisms']"

step "The panel's decision (recorded by an approver)"
call approver POST "/api/budgets/$BUDGET/decisions" '{"approved":true,"reasons":"Meets assessed needs","asPanel":true}' \
  | field "d['budget']['status']"

step "The budget starts; reviews are scheduled by rule"
call coordinator POST "/api/budgets/$BUDGET/activate" "{\"startDate\":\"$TODAY\",\"monthlyReviewsInFirstThreeMonths\":true}" \
  | field "d['budget']['status']"
call coordinator GET "/api/people/$PERSON/reviews" | field "[(r['kind'], r['dueOn']) for r in d]"

step "Who saw this person's record (the auditor's view)"
call auditor GET "/api/audit?person=$PERSON&limit=5" | field "[(e['username'], e['action'], e['outcome']) for e in d]"

step "Paying through the ledger: the home care agency, from the third-party part (plan line 1)"
pay() { # pay USER PATH JSON: a money-moving request, with a new idempotency key
  curl -sS -u "$1:$PASSWORD" -X POST -H 'Content-Type: application/json' -H "Idempotency-Key: $(python3 -c 'import uuid; print(uuid.uuid4())')" \
    -d "$3" "$BASE$2"
}
pay coordinator "/api/budgets/$BUDGET/payments" \
  '{"from":"THIRD_PARTY","payee":"DCA01","amount":"48.00","planLine":1,"description":"Home care cover, week 1"}' \
  | field "(d['kind'], [(p['kind'], p['party'], p['amount']) for p in d['postings']])"

step "A direct payment transferred to the person, and spend they report with a receipt (plan line 0)"
pay coordinator "/api/budgets/$BUDGET/direct-payment/transfers" '{"amount":"930.00"}' | field "d['kind']"
printf '%%PDF-1.4 receipt for personal assistant wages\n' > "${TMPDIR:-/tmp}/almoner-receipt.pdf"
curl -sS -u "coordinator:$PASSWORD" -H "Idempotency-Key: $(python3 -c 'import uuid; print(uuid.uuid4())')" \
  -F 'spend={"from":"DIRECT_PAYMENT","amount":"62.00","planLine":0,"description":"Personal assistant, 4 hours"};type=application/json' \
  -F "receipt=@${TMPDIR:-/tmp}/almoner-receipt.pdf;type=application/pdf" \
  "$BASE/api/budgets/$BUDGET/direct-payment/spend" | field "d['kind']"

step "What is left, derived from the postings"
call coordinator GET "/api/budgets/$BUDGET/ledger" | field "(d['available'], d['balances'])"

step "Reconciliation: every balance recomputed from its postings, every hash chain walked"
call auditor GET /api/ledger/reconciliation | field "(d['transactions'], d['drifts'], d['unbalancedTransactions'], d['brokenChains'])"
