/**
 * What phrases say about a ticket, one line each: `phrase | categories | signal`.
 * - phrase: words as a customer writes them; the classifier compares stems, so "charged",
 *   "charge" and "charging" are one. `#n` is any number, `*` any one word.
 * - categories: a letter and a weight, `b` billing, `t` technical, `a` account, `g` general.
 * - signal, for the priority: `low` (a question, a wish, feedback), `medium` (something is
 *   wrong), `high` (someone is blocked, or money wrongly taken), `critical` (an account taken
 *   over, data lost or exposed), `outage` (the service stops: high; for many people
 *   critical), `scope` (many people), `soon` (a deadline, or going on since), `workaround`
 *   (there is a way round it: at most medium), `calm` (said to be no rush) and `shout`
 *   (urgency that is only shouted: noted, never counted).
 * A phrase after "not", "no", "never" or "without" in the same clause is negated: its signal
 * is not counted and its category weighs less. Longer phrases win over the words in them.
 */
export const lexiconLines = `
charge | b2 |
charged twice | b3 | high
charged me twice | b3 | high
charged #n times | b3 | high
charged again | b3 | high
charged * again | b3 | high
double charge | b3 | high
duplicate payment | b3 | high
duplicate charge | b3 | high
charged after cancelling | b3 | high
money back | b2 | high
need it back | b2 | high
refund | b3 |
refunded | b3 |
invoice | b3 |
receipt | b3 |
payment | b2.5 |
payment failed | b3 | high
pay | b1.5 |
paid | b2 |
paying | b2 |
billing | b3 |
bill | b2.5 |
billed | b3 |
subscription | b2.5 |
plan | b1.5 |
price | b2.5 |
pricing | b2.5 |
cost | b1.5 |
vat | b3 |
tax | b2 |
coupon | b3 |
discount | b3 |
credit | b2 |
card | b2 |
card declined | b3 | high
bank | b2 |
bank transfer | b3 |
direct debit | b3 |
upgrade | b1.5 |
upgraded | b1.5 |
downgrade | b2 |
annual | b2 |
monthly | b1.5 |
renewal | b2 |
renew | b2 |
seat | b1.5 |
quote | b2 |
money | b2.5 |
eur | b2 |
usd | b2 |
statement | b1.5 |
fee | b2 |
prorated | b3 |
amount | b2 |
trial | b1.5 |
budget | b1.5 |
accountant | b2 |
finance | b1.5 |
bookkeeping | b3 |
nonprofit | b2 |
charity | b1.5 |
expires tonight | b1 | soon

error | t2 | medium
errors | t2 | medium
error #n | t3 | medium
#n error | t3 | medium
crash | t3 | high
crashes | t3 | high
crashing | t3 | high
white screen | t3 | high
blank page | t2 | medium
script error | t3 | high
bug | t2.5 | medium
broken | t1.5 | medium
not working | t1 | medium
not work | t1 | medium
stopped working | t2 | high
slow | t2.5 | medium
load | t1.5 |
loading | t2 |
not load | t2 | outage
keep spinning | t2 | medium
timeout | t2.5 | medium
timeouts | t2.5 | medium
times out | t2.5 | medium
connection | t2 |
cannot connect | t3 | outage
sync | t3 |
api | t3 |
endpoint | t3 |
integration | t2.5 |
integrations | t2.5 |
webhook | t3 |
export | t2 |
import | t2.5 |
importing | t2.5 |
upload | t2.5 |
uploading | t2.5 |
download | t1.5 |
app | t1.5 |
mobile app | t2.5 |
android | t3 |
ios | t3 |
desktop | t2 |
linux | t3 |
browser | t1.5 |
safari | t2 |
server | t2.5 |
database | t3 |
outage | t2 | outage
down | t1 | outage
site | t1 |
web app | t2 |
editor | t2.5 |
search | t2.5 |
notifications | t1.5 |
push notifications | t3 |
sms | t1.5 |
dark mode | t3 | low
keyboard shortcuts | t3 | low
offline | t2 |
version | t1.5 |
update | t1.5 |
install | t2.5 |
reinstalled | t2.5 |
dashboard | t2 |
charts | t2.5 |
reports | t1.5 |
print | t2.5 |
pdf | t1 |
attach | t1.5 |
attachments | t1.5 |
corrupted | t3 | high
video | t2.5 |
font | t2.5 |
layout | t2 |
buttons | t1.5 |
changelog | t3 | low
release | t1.5 |
rate limit | t3 |
token | t1.5 |
stuck | t1.5 | high
disappeared | t2 | medium
empty | t1 | medium
status page | t3 | outage
data is gone | t2 | critical
data gone | t2 | critical
all our data | t1 | critical
lost all | t2 | critical
security problem | t3 | critical
another company | t2 | critical
unusable | t2 | outage
nothing loads | t3 | outage
every request | t3 | outage
every call | t3 | outage
emoji | t3 |
files | t1 |
documents | t1 |
save | t1.5 |
saving | t1.5 |
saved | t1 |
not saved | t2 | medium
not save | t2 | medium
lose my changes | t2 | high
lost my changes | t2 | high
cannot open | t2 | high
cannot send | t2 | high
cannot do anything | t1 | high
cannot do my work | t1 | high
cannot work | t1 | high
not delivered | t2 | high
not been delivered | t2 | high
orders | t1 |
checkout | t1 |
check out | t1 |
duplicate | t1 |
twice | t0.5 |

log in | a3 |
logging in | a3 |
sign in | a3 |
signing in | a3 |
logged out | a2.5 | medium
logs me out | a2.5 | medium
log out | a2 |
cannot log in | a3 | high
nobody can log in | a3 | high
no one can log in | a3 | high
none of us can log in | a3 | high
cannot sign in | a3 | high
cannot get in | a3 | high
cannot get back in | a3 | high
cannot access | a3 | high
not log in | a3 | high
password | a3 |
reset | a1.5 |
two factor | a3 |
verification code | a3 |
code | a1 |
authenticator | a3 |
sso | a3 |
single sign-on | a3 |
okta | a2 |
locked out | a3 | high
lockout | a3 | high
account | a2 |
my account | a2.5 |
username | a3 |
profile | a2.5 |
avatar | a3 |
profile picture | a3 |
email address | a2 |
phone number | a2 |
admin | a2 |
admins | a2 |
role | a3 |
permissions | a3 |
invite | a3 |
invitation | a3 |
member | a2.5 |
user | a1 |
deactivated | a3 | high
suspended | a1.5 | high
delete my account | a3 | low
personal data | a2 |
merge | a2 |
hacked | a3 | critical
breached | a3 | critical
breach | a3 | critical
got into my account | a3 | critical
took over | a3 | critical
login alerts | a3 | critical
suspicious | a2 |
sessions | a2 |
device | a2.5 |
verify | a2.5 |
verification | a2 |
welcome email | a2.5 |
workspace | a1.5 |
rename | a2 |
ownership | a2.5 |
credentials | a3 |
access | a1.5 |
user not found | a3 | high
account disabled | a3 | high
my name | a1.5 |
language | a1 |
mixed up | a1 | high
someone else's | a2 | high
another person's | a2 | high
in my name | a2 | critical
deleting our | a1 | critical
former employee | a3 |
identity | a2 |

thanks | g2 | low
thank you | g2 | low
compliment | g3 | low
fantastic | g2 | low
well done | g2 | low
great help | g2 | low
feedback | g2.5 | low
suggestion | g2 | low
idea | g2 | low
ideas | g2 | low
wish | g2 | low
feature request | g2 | low
would be nice | g1.5 | low
would be great | g1.5 | low
roadmap | g3 | low
hiring | g3 | low
office | g2 |
journalist | g3 | low
press | g2 |
conference | g3 |
webinar | g3 |
event | g2 |
workshop | g3 |
training | g2.5 |
partner | g3 |
reseller | g2 |
agency | g1.5 |
consultant | g3 |
case study | g3 |
newsletter | g3 |
unsubscribe | g3 | low
marketing | g2 |
stickers | g3 | low
survey | g3 |
contract | g2.5 |
agreement | g2.5 |
legal | g3 |
lawyer | g3 |
gdpr | g3 |
data processing | g3 |
compliance | g2 |
audit | g2 |
auditors | g2.5 |
auditor | g2.5 |
soc #n | g3 |
security review | g3 |
terms of service | g3 |
terms | g2 |
complaint | g3 | medium
unhappy | g2.5 | medium
rude | g2.5 | medium
escalated | g3 |
escalation | g3 |
management | g2 |
account manager | g3 |
opening hours | g3 | low
holidays | g1.5 |
happy new year | g3 | low
reference customer | g3 |
student | g2.5 |
university | g2.5 |
screen readers | g3 |
accessibility | g3 |
police | g3 | critical
threatening | g2 | critical
phishing | g3 | critical
fake | g2 |
verification fee | g3 | critical
social media | g2 |
contact person | g3 |
your company | g1.5 |
your team | g1 |
recommend | g1.5 |
documentation | g1.5 |
docs | g1.5 |
leaving | g1.5 |
another tool | g2 |
renewal terms | g3 |
nobody answered | g3 | medium
no answer | g3 | medium
never called | g3 | medium
not heard back | g3 | medium

how do i | | low
how can i | | low
how to | | low
where can i | | low
where do i | | low
where is | | low
is there | | low
is it possible | | low
do you | | low
does the | | low
can i | | low
can we | | low
could you add | | low
should | | low
question | | low
questions | | low
wondering | | low
curious | | low
just so you know | | low
please send | | low
we would like | | low
i would like | | low
would like | | low
just wanted | | low
what is | | low
how long | | low
which | | low
planning | | low

wrong | | medium
incorrect | | medium
fails | | medium
failed | | medium
failing | | medium
missing | | medium
not arrive | | medium
never arrives | | medium
not come | | medium
not receive | | medium
not received | | medium
never got | | medium
not show | | medium
not showing | | medium
issue | | medium
problem | | medium
still not | | medium
instead of | | medium
cut off | | medium
drop | | medium
expired | | medium
not recognise | | medium
without any email | | medium
without consent | | high
never agreed | | high
why | | medium
nothing we save | | critical
not be able | | medium
not been able | | high

everyone | | scope
every user | | scope
every one of | | scope
all users | | scope
all our | | scope
all of us | | scope
any of us | | scope
all of them | | scope
whole company | | scope
whole office | | scope
whole team | | scope
entire | | scope
nobody | | scope
no one | | scope
none of | | scope
#n users | | scope
#n customers | | scope
#n of us | | scope
#n staff | | scope
all #n | | scope
every customer | | scope
our organisation | | scope
for all | | scope

today | | soon
tonight | | soon
tomorrow | | soon
this afternoon | | soon
in an hour | | soon
in #n minutes | | soon
within an hour | | soon
before friday | | soon
before then | | soon
deadline | | soon
since this morning | | soon
since yesterday | | soon
since #n | | soon
since #n am | | soon
since #n pm | | soon
since monday | | soon
for hours | | soon
right now | | soon
waiting | | soon
by tomorrow | | soon
this week | | soon

can still | | workaround
still can | | workaround
still come | | workaround
works fine | | workaround
still works | | workaround
that works | | workaround
keeps crashing | t3 | high
is stopped | | outage
stopped at | | high
work fine | | workaround
upload fine | | workaround
for now | | workaround
eventually | | workaround
workable | | workaround
annoying | | workaround
we reconnect | | workaround
table view works | | workaround
other exports work | | workaround

no rush | | calm
no hurry | | calm
not urgent | | calm
not a big deal | | calm
whenever | | calm
no stress | | calm
no panic | | calm

urgent | | shout
asap | | shout
immediately | | shout
help | | shout
please answer | | shout
`;
