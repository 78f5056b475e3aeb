<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur_PK">
<context>
    <name>About</name>
    <message>
        <location filename="../../console/about.py" line="18"/>
        <source>DRC Console</source>
        <translation>ڈی آر سی کنسول</translation>
    </message>
    <message>
        <location filename="../../console/about.py" line="19"/>
        <source>Operations console for a Dynamic Registry Centre.</source>
        <translation>ڈائنامک رجسٹری سینٹر کا آپریشنز کنسول۔</translation>
    </message>
    <message>
        <location filename="../../console/about.py" line="20"/>
        <source>Version %1</source>
        <translation>ورژن %1</translation>
    </message>
    <message>
        <location filename="../../console/about.py" line="21"/>
        <source>Build: %1</source>
        <translation>بلڈ: %1</translation>
    </message>
    <message>
        <location filename="../../console/about.py" line="23"/>
        <source>Slip fonts: Noto (SIL Open Font License).</source>
        <translation>پرچی کے فونٹ: نوٹو (SIL اوپن فونٹ لائسنس)۔</translation>
    </message>
    <message>
        <location filename="../../console/about.py" line="31"/>
        <source>About DRC Console</source>
        <translation>ڈی آر سی کنسول کے بارے میں</translation>
    </message>
    <message>
        <location filename="../../console/about.py" line="42"/>
        <source>&amp;Help</source>
        <translation>&amp;مدد</translation>
    </message>
    <message>
        <location filename="../../console/about.py" line="44"/>
        <source>About DRC Console…</source>
        <translation>ڈی آر سی کنسول کے بارے میں…</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../console/setup_wizard.py" line="166"/>
        <source>First administrator</source>
        <translation>پہلا منتظم</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="167"/>
        <source>This account adds staff and changes settings. Keep the PIN or password secret.</source>
        <translation>یہ اکاؤنٹ عملہ شامل کرتا ہے اور ترتیبات بدلتا ہے۔ پن یا پاس ورڈ خفیہ رکھیں۔</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="175"/>
        <source>Username</source>
        <translation>صارف نام</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="176"/>
        <source>Full name</source>
        <translation>پورا نام</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="177"/>
        <source>PIN or password</source>
        <translation>پن یا پاس ورڈ</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="178"/>
        <source>Repeat it</source>
        <translation>دوبارہ لکھیں</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="185"/>
        <source>Enter a username.</source>
        <translation>صارف نام لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="187"/>
        <source>The PIN or password needs at least %1 characters.</source>
        <translation>پن یا پاس ورڈ میں کم از کم %1 حروف ہونے چاہئیں۔</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="189"/>
        <source>The two entries differ; type the PIN or password again.</source>
        <translation>دونوں اندراج مختلف ہیں؛ پن یا پاس ورڈ دوبارہ لکھیں۔</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <location filename="../../console/catalogue.py" line="89"/>
        <source>Account locked</source>
        <translation>اکاؤنٹ مقفل ہو گیا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="90"/>
        <source>Account unlocked</source>
        <translation>اکاؤنٹ کھول دیا گیا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="91"/>
        <source>Settings changed</source>
        <translation>ترتیبات بدلی گئیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="92"/>
        <source>Counter added</source>
        <translation>کاؤنٹر شامل کیا گیا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="93"/>
        <source>DEO assigned to a counter</source>
        <translation>کاؤنٹر پر ڈی ای او مقرر کیا گیا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="94"/>
        <source>Counter opened, paused or closed</source>
        <translation>کاؤنٹر کھولا، وقفے پر رکھا یا بند کیا گیا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="95"/>
        <source>Counter&apos;s update types changed</source>
        <translation>کاؤنٹر کی اپ ڈیٹ کی اقسام بدلی گئیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="96"/>
        <source>Day closed</source>
        <translation>دن ختم کیا گیا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="97"/>
        <source>Day opened</source>
        <translation>دن شروع کیا گیا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="98"/>
        <source>Day reopened</source>
        <translation>دن دوبارہ شروع کیا گیا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="99"/>
        <source>First administrator created</source>
        <translation>پہلا منتظم بنایا گیا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="100"/>
        <source>NADRA block overridden</source>
        <translation>نادرا کی بندش ختم کی گئی</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="101"/>
        <source>PIN or password set</source>
        <translation>پن یا پاس ورڈ مقرر کیا گیا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="102"/>
        <source>Signed in</source>
        <translation>سائن اِن ہوا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="103"/>
        <source>Sign-in refused</source>
        <translation>سائن اِن مسترد ہوا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="104"/>
        <source>Slip reprinted</source>
        <translation>پرچی دوبارہ چھاپی گئی</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="105"/>
        <source>Staff account switched on or off</source>
        <translation>عملے کا اکاؤنٹ فعال یا غیر فعال کیا گیا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="106"/>
        <source>Staff account created</source>
        <translation>عملے کا اکاؤنٹ بنایا گیا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="107"/>
        <source>Token cancelled</source>
        <translation>ٹوکن منسوخ کیا گیا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="108"/>
        <source>Token transferred</source>
        <translation>ٹوکن منتقل کیا گیا</translation>
    </message>
</context>
<context>
    <name>AuditChain</name>
    <message>
        <location filename="../../console/catalogue.py" line="109"/>
        <source>record {id} ({action}) is outside the chain</source>
        <translation>ریکارڈ {id} ({action}) زنجیر سے باہر ہے</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="110"/>
        <source>record {id} ({action}): the record before it was removed or changed</source>
        <translation>ریکارڈ {id} ({action}): اس سے پہلے والا ریکارڈ ہٹایا یا بدلا گیا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="111"/>
        <source>record {id} ({action}, {actor}) was edited</source>
        <translation>ریکارڈ {id} ({action}، {actor}) میں ترمیم کی گئی</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../console/pages/audit.py" line="44"/>
        <source>All actions</source>
        <translation>تمام کارروائیاں</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="46"/>
        <source>Refresh</source>
        <translation>تازہ کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="48"/>
        <source>Check the chain</source>
        <translation>زنجیر کی جانچ کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="53"/>
        <source>Time</source>
        <translation>وقت</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="53"/>
        <source>Who</source>
        <translation>کون</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="53"/>
        <source>Action</source>
        <translation>کارروائی</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="53"/>
        <source>Detail</source>
        <translation>تفصیل</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="57"/>
        <source>Show:</source>
        <translation>دکھائیں:</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="95"/>
        <source>Checking…</source>
        <translation>جانچ ہو رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="101"/>
        <source>Intact: %1 records, none edited or removed.</source>
        <translation>درست: %1 ریکارڈ، کوئی تبدیل یا حذف نہیں ہوا۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="105"/>
        <source>ALTERED: %1</source>
        <translation>تبدیل شدہ: %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/audit.py" line="110"/>
        <source>The audit trail could not be read: %1</source>
        <translation>آڈٹ ریکارڈ پڑھا نہیں جا سکا: %1</translation>
    </message>
</context>
<context>
    <name>BackupTimer</name>
    <message>
        <location filename="../../console/backup_timer.py" line="60"/>
        <source>Automatic backup failed: %1</source>
        <translation>خودکار بیک اپ ناکام ہو گیا: %1</translation>
    </message>
</context>
<context>
    <name>BoardWindow</name>
    <message>
        <location filename="../../console/board.py" line="40"/>
        <source>Now serving — %1</source>
        <translation>اب باری ہے — %1</translation>
    </message>
    <message>
        <location filename="../../console/board.py" line="58"/>
        <source>Now-serving board</source>
        <translation>باری کا بورڈ</translation>
    </message>
</context>
<context>
    <name>CentreQuality</name>
    <message>
        <location filename="../../console/pages/centre.py" line="67"/>
        <source>The hub cannot be reached; nothing from the centre is shown. %1</source>
        <translation>ہب سے رابطہ نہیں ہو سکا؛ مرکز کا کوئی جواب نہیں دکھایا جا رہا۔ %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="69"/>
        <source>This console&apos;s hub key may not read that region.</source>
        <translation>اس کنسول کی ہب کلید اس علاقے کے اعداد و شمار نہیں پڑھ سکتی۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="71"/>
        <source>The hub refused the question: %1</source>
        <translation>ہب نے درخواست رد کر دی: %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="72"/>
        <source>The centre&apos;s answer could not be read: %1</source>
        <translation>مرکز کا جواب پڑھا نہیں جا سکا: %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="19"/>
        <location filename="../../console/pages/centre_survey.py" line="77"/>
        <source>CNIC</source>
        <translation>شناختی کارڈ نمبر</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="19"/>
        <location filename="../../console/pages/centre_survey.py" line="77"/>
        <source>Phone</source>
        <translation>فون نمبر</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="20"/>
        <location filename="../../console/pages/centre_survey.py" line="80"/>
        <source>Address</source>
        <translation>پتہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="35"/>
        <source>Acknowledged</source>
        <translation>تسلیم شدہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="35"/>
        <source>Returned to DEO</source>
        <translation>ڈی ای او کو واپس</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="36"/>
        <source>Open</source>
        <translation>زیرِ غور</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="41"/>
        <source>Same %1 at another DRC</source>
        <translation>کسی دوسرے ڈی آر سی پر وہی %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="42"/>
        <source>Same %1 again at this DRC</source>
        <translation>اسی ڈی آر سی پر دوبارہ وہی %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="51"/>
        <source>%1 other survey(s) with the same value within %2 days</source>
        <translation>%2 دن کے اندر اسی قدر والے %1 دیگر سروے</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="54"/>
        <source>, at %1 DRCs</source>
        <translation>، %1 ڈی آر سی پر</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="61"/>
        <source>not recorded</source>
        <translation>درج نہیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="61"/>
        <source>Yes</source>
        <translation>ہاں</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="61"/>
        <source>No</source>
        <translation>نہیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="70"/>
        <source>Survey %1</source>
        <translation>سروے %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="75"/>
        <source>DRC</source>
        <translation>ڈی آر سی</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="75"/>
        <source>Day</source>
        <translation>دن</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="76"/>
        <source>DEO</source>
        <translation>ڈی ای او</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="76"/>
        <source>Token</source>
        <translation>ٹوکن</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="78"/>
        <source>Started</source>
        <translation>شروع</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="79"/>
        <source>Length</source>
        <translation>دورانیہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="79"/>
        <source>%1 min</source>
        <translation>%1 منٹ</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="80"/>
        <source>GPS</source>
        <translation>جی پی ایس</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="81"/>
        <source>Household size</source>
        <translation>گھرانے کے افراد</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="81"/>
        <source>B-form</source>
        <translation>ب فارم</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="82"/>
        <source>Assets</source>
        <translation>اثاثے</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="83"/>
        <source>Status</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="91"/>
        <source>Why it is flagged</source>
        <translation>نشان زد ہونے کی وجہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="95"/>
        <source>No flag: the site&apos;s rules find nothing to question.</source>
        <translation>کوئی نشان نہیں: ڈی آر سی کے قواعد کو اس میں کوئی قابلِ اعتراض بات نہیں ملی۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="99"/>
        <source>Reviews</source>
        <translation>جائزے</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="101"/>
        <source>%1 by %2: %3</source>
        <translation>%1، از %2: %3</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre_survey.py" line="104"/>
        <source>Not reviewed yet.</source>
        <translation>ابھی جائزہ نہیں لیا گیا۔</translation>
    </message>
</context>
<context>
    <name>CentreQualityPage</name>
    <message>
        <location filename="../../console/pages/centre.py" line="109"/>
        <source>All regions in scope</source>
        <translation>دائرۂ اختیار کے تمام علاقے</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="114"/>
        <source>%1 days</source>
        <translation>%1 دن</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="116"/>
        <source>Two surveys this many days apart or closer count as duplicates</source>
        <translation>اتنے یا اس سے کم دنوں کے فاصلے پر ہونے والے دو سروے دہرے شمار ہوتے ہیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="117"/>
        <source>Refresh</source>
        <translation>تازہ کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="122"/>
        <source>Same</source>
        <translation>یکساں</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="122"/>
        <source>Value (masked)</source>
        <translation>قدر (چھپی ہوئی)</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="122"/>
        <source>DRCs</source>
        <translation>ڈی آر سی</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="122"/>
        <source>Surveys</source>
        <translation>سروے</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="124"/>
        <location filename="../../console/pages/centre.py" line="129"/>
        <location filename="../../console/pages/centre.py" line="131"/>
        <source>Survey</source>
        <translation>سروے</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="124"/>
        <location filename="../../console/pages/centre.py" line="129"/>
        <location filename="../../console/pages/centre.py" line="131"/>
        <location filename="../../console/pages/centre.py" line="133"/>
        <source>DRC</source>
        <translation>ڈی آر سی</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="124"/>
        <location filename="../../console/pages/centre.py" line="129"/>
        <source>Day</source>
        <translation>دن</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="124"/>
        <location filename="../../console/pages/centre.py" line="129"/>
        <source>DEO</source>
        <translation>ڈی ای او</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="126"/>
        <source>Load more</source>
        <translation>مزید دکھائیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="128"/>
        <source>Open survey…</source>
        <translation>سروے کھولیں…</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="129"/>
        <location filename="../../console/pages/centre.py" line="133"/>
        <source>Token</source>
        <translation>ٹوکن</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="130"/>
        <source>Why</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="130"/>
        <source>Status</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="131"/>
        <location filename="../../console/pages/centre.py" line="133"/>
        <source>When</source>
        <translation>کب</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="131"/>
        <source>Review</source>
        <translation>جائزہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="132"/>
        <source>Flag</source>
        <translation>نشان</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="132"/>
        <source>Note</source>
        <translation>نوٹ</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="132"/>
        <location filename="../../console/pages/centre.py" line="134"/>
        <source>By</source>
        <translation>از</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="133"/>
        <source>Update type</source>
        <translation>اپ ڈیٹ کی قسم</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="134"/>
        <source>CNIC</source>
        <translation>شناختی کارڈ نمبر</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="134"/>
        <source>Reason</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="139"/>
        <location filename="../../console/pages/centre.py" line="270"/>
        <location filename="../../console/pages/centre.py" line="313"/>
        <source>Centre quality</source>
        <translation>مرکز پر معیار</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="152"/>
        <source>No hub is configured: the centre&apos;s quality needs one.</source>
        <translation>کوئی ہب ترتیب نہیں دیا گیا: مرکز کے معیار کے لیے ہب درکار ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="158"/>
        <source>Period</source>
        <translation>مدت</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="158"/>
        <source>Region</source>
        <translation>علاقہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="159"/>
        <source>Duplicate window</source>
        <translation>دہرے اندراج کی مدت</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="166"/>
        <source>Surveys sharing a CNIC, phone or address within the window, across DRCs and days. Select a group to see its surveys; open one to see why.</source>
        <translation>مقررہ مدت میں ایک ہی شناختی کارڈ نمبر، فون نمبر یا پتے والے سروے، مختلف ڈی آر سی اور دنوں میں۔ کسی گروپ کو منتخب کر کے اس کے سروے دیکھیں؛ وجہ جاننے کے لیے سروے کھولیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="175"/>
        <source>Duplicates</source>
        <translation>دہرے اندراج</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="176"/>
        <source>Flagged surveys</source>
        <translation>نشان زدہ سروے</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="177"/>
        <source>Reviews</source>
        <translation>جائزے</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="178"/>
        <source>Identity overrides</source>
        <translation>شناخت کی بندش کا خاتمہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="212"/>
        <source>Asking the centre…</source>
        <translation>مرکز سے معلوم کیا جا رہا ہے…</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="245"/>
        <source>%1 to %2, as the centre holds it now: %3 duplicate groups, %4 flagged surveys, %5 reviews, %6 identity overrides.</source>
        <translation>%1 سے %2 تک، مرکز کے موجودہ ریکارڈ کے مطابق: دہرے اندراج کے %3 گروپ، %4 نشان زدہ سروے، %5 جائزے، شناخت کی بندش کے خاتمے %6۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/centre.py" line="252"/>
        <source>Only the first 1000 rows are listed.</source>
        <translation>صرف پہلی 1000 قطاریں دکھائی گئی ہیں۔</translation>
    </message>
</context>
<context>
    <name>CloseDay</name>
    <message>
        <location filename="../../console/close_day.py" line="30"/>
        <source>Business day %1 is open.</source>
        <translation>کام کا دن %1 جاری ہے۔</translation>
    </message>
</context>
<context>
    <name>CloseDayDialog</name>
    <message>
        <location filename="../../console/close_day.py" line="43"/>
        <source>Close the business day</source>
        <translation>کام کا دن ختم کریں</translation>
    </message>
    <message>
        <location filename="../../console/close_day.py" line="55"/>
        <source>Counting the tokens still open…</source>
        <translation>کھلے ٹوکن گنے جا رہے ہیں…</translation>
    </message>
    <message>
        <location filename="../../console/close_day.py" line="62"/>
        <source>Carry them over to %1 (they keep their place in line)</source>
        <translation>انہیں اگلے دن (%1) منتقل کریں (ان کی باری برقرار رہے گی)</translation>
    </message>
    <message>
        <location filename="../../console/close_day.py" line="63"/>
        <source>Cancel them</source>
        <translation>انہیں منسوخ کریں</translation>
    </message>
    <message>
        <location filename="../../console/close_day.py" line="64"/>
        <source>Mark them no-show</source>
        <translation>انہیں غیر حاضر قرار دیں</translation>
    </message>
    <message>
        <location filename="../../console/close_day.py" line="68"/>
        <source>Tokens still waiting or called:</source>
        <translation>ابھی منتظر یا بلائے گئے ٹوکن:</translation>
    </message>
    <message>
        <location filename="../../console/close_day.py" line="82"/>
        <source>Close the day</source>
        <translation>دن ختم کریں</translation>
    </message>
    <message>
        <location filename="../../console/close_day.py" line="94"/>
        <source>Waiting: %1   Called: %2   In service: %3</source>
        <translation>منتظر: %1   بلائے گئے: %2   زیرِ خدمت: %3</translation>
    </message>
    <message>
        <location filename="../../console/close_day.py" line="96"/>
        <source>Visitors in service now are marked completed.</source>
        <translation>اس وقت زیرِ خدمت سائلین مکمل شمار ہوں گے۔</translation>
    </message>
    <message>
        <location filename="../../console/close_day.py" line="97"/>
        <source>This day is already closed; closing again updates the summary.</source>
        <translation>یہ دن پہلے ہی ختم ہو چکا ہے؛ دوبارہ ختم کرنے سے خلاصہ تازہ ہو گا۔</translation>
    </message>
    <message>
        <location filename="../../console/close_day.py" line="123"/>
        <source>Tokens issued</source>
        <translation>جاری شدہ ٹوکن</translation>
    </message>
    <message>
        <location filename="../../console/close_day.py" line="123"/>
        <source>Completed</source>
        <translation>مکمل</translation>
    </message>
    <message>
        <location filename="../../console/close_day.py" line="124"/>
        <source>No-show</source>
        <translation>غیر حاضر</translation>
    </message>
    <message>
        <location filename="../../console/close_day.py" line="124"/>
        <source>Cancelled</source>
        <translation>منسوخ</translation>
    </message>
    <message>
        <location filename="../../console/close_day.py" line="125"/>
        <source>Carried over</source>
        <translation>اگلے دن منتقل</translation>
    </message>
    <message>
        <location filename="../../console/close_day.py" line="125"/>
        <source>Median wait</source>
        <translation>انتظار کا وسطانیہ</translation>
    </message>
    <message>
        <location filename="../../console/close_day.py" line="146"/>
        <source>%1 closed at %2</source>
        <translation>%1 %2 بجے ختم ہوا</translation>
    </message>
    <message>
        <location filename="../../console/close_day.py" line="151"/>
        <source>%1 min</source>
        <translation>%1 منٹ</translation>
    </message>
</context>
<context>
    <name>CnicField</name>
    <message>
        <location filename="../../widgets/cnic_field.py" line="49"/>
        <source>CNIC</source>
        <translation>شناختی کارڈ نمبر</translation>
    </message>
</context>
<context>
    <name>CnicProblem</name>
    <message>
        <location filename="../../console/names.py" line="85"/>
        <source>Type or scan the 13-digit CNIC.</source>
        <translation>13 ہندسوں کا شناختی کارڈ نمبر لکھیں یا اسکین کریں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="86"/>
        <source>Too short: {n} digits; a CNIC has 13.</source>
        <translation>بہت مختصر: {n} ہندسے؛ شناختی کارڈ نمبر 13 ہندسوں کا ہوتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="87"/>
        <source>Too long: {n} digits; a CNIC has 13.</source>
        <translation>بہت طویل: {n} ہندسے؛ شناختی کارڈ نمبر 13 ہندسوں کا ہوتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="88"/>
        <source>Only digits and dashes: &apos;{bad}&apos; is not allowed in a CNIC.</source>
        <translation>صرف ہندسے اور ڈیش: شناختی کارڈ نمبر میں &apos;{bad}&apos; کی اجازت نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="89"/>
        <source>Dashes go after the 5th and 12th digit: 12345-1234567-1.</source>
        <translation>ڈیش پانچویں اور بارہویں ہندسے کے بعد آتے ہیں: 12345-1234567-1۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="90"/>
        <source>A CNIC never starts with 0; check the first digit.</source>
        <translation>شناختی کارڈ نمبر کبھی 0 سے شروع نہیں ہوتا؛ پہلا ہندسہ دیکھیں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="91"/>
        <source>The scanned code holds more than one 13-digit number; type the CNIC instead.</source>
        <translation>اسکین شدہ کوڈ میں ایک سے زیادہ 13 ہندسی نمبر ہیں؛ شناختی کارڈ نمبر خود لکھیں۔</translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <location filename="../../console/names.py" line="228"/>
        <source>Counter %1</source>
        <translation>کاؤنٹر نمبر %1</translation>
    </message>
</context>
<context>
    <name>CounterAdminCard</name>
    <message>
        <location filename="../../widgets/counter_admin.py" line="91"/>
        <source>%1 (at %2)</source>
        <translation>%1 (%2 پر)</translation>
    </message>
    <message>
        <location filename="../../widgets/counter_admin.py" line="49"/>
        <source>DEO</source>
        <translation>ڈی ای او</translation>
    </message>
    <message>
        <location filename="../../widgets/counter_admin.py" line="65"/>
        <source>Open</source>
        <translation>کھولیں</translation>
    </message>
    <message>
        <location filename="../../widgets/counter_admin.py" line="65"/>
        <source>Break</source>
        <translation>وقفہ کریں</translation>
    </message>
    <message>
        <location filename="../../widgets/counter_admin.py" line="65"/>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <location filename="../../widgets/counter_admin.py" line="87"/>
        <source>— nobody —</source>
        <translation>— کوئی نہیں —</translation>
    </message>
</context>
<context>
    <name>CounterCard</name>
    <message>
        <location filename="../../widgets/counter_card.py" line="185"/>
        <source>Recall limit: F7 start or F9 no-show</source>
        <translation>حد پوری: F7 شروع یا F9 غیر حاضر</translation>
    </message>
    <message>
        <location filename="../../console/counter_actions.py" line="62"/>
        <source>No open counter with a DEO serves another update type now: open a counter or assign a DEO first.</source>
        <translation>اس وقت ڈی ای او والا کوئی کھلا کاؤنٹر کسی اور قسم کی اپ ڈیٹ نہیں کر رہا: پہلے کاؤنٹر کھولیں یا ڈی ای او مقرر کریں۔</translation>
    </message>
    <message>
        <location filename="../../console/counter_actions.py" line="36"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../widgets/counter_card.py" line="191"/>
        <source>Assign a DEO before calling</source>
        <translation>بلانے سے پہلے ڈی ای او مقرر کریں</translation>
    </message>
    <message>
        <location filename="../../widgets/counter_card.py" line="186"/>
        <source>Recall limit reached: start the service or mark %1 no-show (F9)</source>
        <translation>بلانے کی حد پوری: خدمت شروع کریں یا %1 کو غیر حاضر قرار دیں (F9)</translation>
    </message>
    <message>
        <location filename="../../widgets/counter_card.py" line="179"/>
        <source>Recalled %1 of %2</source>
        <translation>دوبارہ بلایا: %1 از %2</translation>
    </message>
    <message>
        <location filename="../../widgets/counter_card.py" line="177"/>
        <source>%1 · %2 min</source>
        <translation>%1 · %2 منٹ</translation>
    </message>
    <message>
        <location filename="../../widgets/counter_card.py" line="128"/>
        <source>Call next</source>
        <translation>اگلا بلائیں</translation>
    </message>
    <message>
        <location filename="../../widgets/counter_card.py" line="128"/>
        <source>Recall</source>
        <translation>دوبارہ بلائیں</translation>
    </message>
    <message>
        <location filename="../../widgets/counter_card.py" line="128"/>
        <source>Start</source>
        <translation>شروع کریں</translation>
    </message>
    <message>
        <location filename="../../widgets/counter_card.py" line="129"/>
        <source>Complete</source>
        <translation>مکمل کریں</translation>
    </message>
    <message>
        <location filename="../../widgets/counter_card.py" line="129"/>
        <source>No-show</source>
        <translation>غیر حاضر قرار دیں</translation>
    </message>
    <message>
        <location filename="../../widgets/counter_card.py" line="129"/>
        <source>Transfer</source>
        <translation>منتقل کریں</translation>
    </message>
    <message>
        <location filename="../../widgets/counter_card.py" line="183"/>
        <source>Free</source>
        <translation>فارغ</translation>
    </message>
    <message>
        <location filename="../../widgets/counter_card.py" line="184"/>
        <source>Served today: %1</source>
        <translation>آج نمٹائے گئے: %1</translation>
    </message>
    <message>
        <location filename="../../console/counter_actions.py" line="34"/>
        <source>No DEO assigned</source>
        <translation>کوئی ڈی ای او مقرر نہیں</translation>
    </message>
    <message>
        <location filename="../../console/counter_actions.py" line="60"/>
        <source>Transfer token</source>
        <translation>ٹوکن منتقل کریں</translation>
    </message>
    <message>
        <location filename="../../console/counter_actions.py" line="69"/>
        <source>Move %1 to:</source>
        <translation>%1 کو منتقل کریں:</translation>
    </message>
</context>
<context>
    <name>CounterState</name>
    <message>
        <location filename="../../console/names.py" line="96"/>
        <source>Open</source>
        <translation>کھلا</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="97"/>
        <source>On break</source>
        <translation>وقفہ</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="98"/>
        <source>Closed</source>
        <translation>بند</translation>
    </message>
</context>
<context>
    <name>CountersPage</name>
    <message>
        <location filename="../../console/pages/counters.py" line="163"/>
        <source>Day not opened yet (the first token opens it)</source>
        <translation>دن ابھی شروع نہیں ہوا (پہلا ٹوکن جاری ہوتے ہی شروع ہو جائے گا)</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="160"/>
        <source>Day not opened yet: %1 tokens carried over wait</source>
        <translation>دن ابھی شروع نہیں ہوا: پچھلے دن سے منتقل %1 ٹوکن منتظر ہیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="79"/>
        <source>Keys on the selected counter: F5 call next · F6 recall · F7 start · F8 complete · F9 no-show · F4 transfer · Ctrl+1…9 select a counter</source>
        <translation>منتخب کاؤنٹر کی کلیدیں: F5 اگلا بلائیں · F6 دوبارہ بلائیں · F7 شروع کریں · F8 مکمل کریں · F9 غیر حاضر قرار دیں · F4 منتقل کریں · Ctrl+1…9 کاؤنٹر منتخب کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="70"/>
        <source>Open day</source>
        <translation>دن شروع کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="73"/>
        <source>Close day…</source>
        <translation>دن ختم کریں…</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="117"/>
        <location filename="../../console/pages/counters.py" line="238"/>
        <location filename="../../console/setup_wizard.py" line="201"/>
        <source>Counters</source>
        <translation>کاؤنٹر</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="152"/>
        <source>Counters — %1</source>
        <translation>کاؤنٹر — %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="154"/>
        <source>Day closed at %1</source>
        <translation>دن %1 بجے ختم ہوا</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="156"/>
        <source>Day open since %1 (by %2)</source>
        <translation>دن %1 بجے سے جاری (%2 نے شروع کیا)</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="239"/>
        <source>This counter has no token; call the next one first.</source>
        <translation>اس کاؤنٹر پر کوئی ٹوکن نہیں؛ پہلے اگلا بلائیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="246"/>
        <source>Nobody is waiting for the types this counter serves.</source>
        <translation>اس کاؤنٹر کی اقسام کے لیے کوئی منتظر نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="248"/>
        <source>Called %1</source>
        <translation>%1 بلایا گیا</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="251"/>
        <source>waiting</source>
        <translation>منتظر</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="251"/>
        <source>called</source>
        <translation>بلایا گیا</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="252"/>
        <source>in service</source>
        <translation>زیرِ خدمت</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="252"/>
        <source>completed</source>
        <translation>مکمل</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="253"/>
        <source>no-show</source>
        <translation>غیر حاضر</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="253"/>
        <source>cancelled</source>
        <translation>منسوخ</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="254"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../console/pages/counters.py" line="274"/>
        <source>Saved.</source>
        <translation>محفوظ ہو گیا۔</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="202"/>
        <source>Tick the update types each counter serves. You can change this on the Counters page.</source>
        <translation>ہر کاؤنٹر جن اپ ڈیٹ اقسام کو نمٹاتا ہے ان پر نشان لگائیں۔ یہ بعد میں کاؤنٹرز کے صفحے پر بدلا جا سکتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="211"/>
        <source>Number of counters</source>
        <translation>کاؤنٹرز کی تعداد</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="221"/>
        <source>Counter %1</source>
        <translation>کاؤنٹر نمبر %1</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="239"/>
        <source>Counter %1 serves no update type.</source>
        <translation>کاؤنٹر نمبر %1 کوئی اپ ڈیٹ قسم نہیں نمٹاتا۔</translation>
    </message>
</context>
<context>
    <name>CreateAdminDialog</name>
    <message>
        <location filename="../../console/login.py" line="167"/>
        <source>Create the administrator</source>
        <translation>منتظم بنائیں</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="169"/>
        <source>This is the first start of DRC Console at this site. Create the administrator account; the administrator then adds the other staff.</source>
        <translation>اس مرکز پر ڈی آر سی کنسول پہلی بار چل رہا ہے۔ منتظم کا اکاؤنٹ بنائیں؛ پھر منتظم باقی عملہ شامل کرے گا۔</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="184"/>
        <source>Username</source>
        <translation>صارف نام</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="185"/>
        <source>Full name</source>
        <translation>پورا نام</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="186"/>
        <source>Password</source>
        <translation>پاس ورڈ</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="187"/>
        <source>Repeat password</source>
        <translation>پاس ورڈ دوبارہ</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="189"/>
        <source>Create and sign in</source>
        <translation>بنائیں اور داخل ہوں</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="197"/>
        <source>Enter a username.</source>
        <translation>صارف نام درج کریں۔</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="200"/>
        <source>The two passwords differ.</source>
        <translation>دونوں پاس ورڈ مختلف ہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="203"/>
        <source>The administrator&apos;s password needs at least 8 characters.</source>
        <translation>منتظم کے پاس ورڈ میں کم از کم 8 حروف ہونے چاہئیں۔</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="219"/>
        <source>Could not create the account: %1</source>
        <translation>اکاؤنٹ نہ بن سکا: %1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../console/pages/dashboard.py" line="79"/>
        <source>Export report</source>
        <translation>رپورٹ برآمد کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="82"/>
        <source>PDF document…</source>
        <translation>پی ڈی ایف…</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="82"/>
        <source>JSON…</source>
        <translation>JSON…</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="82"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="93"/>
        <source>Today</source>
        <translation>آج</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="99"/>
        <source>Day</source>
        <translation>دن</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="104"/>
        <location filename="../../console/pages/dashboard.py" line="278"/>
        <source>Served today</source>
        <translation>آج نمٹائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="105"/>
        <source>Waiting now</source>
        <translation>اس وقت منتظر</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="106"/>
        <source>Median wait</source>
        <translation>انتظار کا وسطانیہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="107"/>
        <source>Service level</source>
        <translation>مقررہ وقت میں بلائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="108"/>
        <source>No-show</source>
        <translation>غیر حاضر</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="140"/>
        <source>The day</source>
        <translation>دن</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="142"/>
        <source>Trends</source>
        <translation>رجحانات</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="143"/>
        <source>Network</source>
        <translation>نیٹ ورک</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="144"/>
        <source>Counters</source>
        <translation>کاؤنٹر</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="145"/>
        <source>Wait promise</source>
        <translation>انتظار کا وعدہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="152"/>
        <location filename="../../console/pages/dashboard.py" line="156"/>
        <source>Dashboard</source>
        <translation>ڈیش بورڈ</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="182"/>
        <source>Tokens per hour: today and the 7-day average</source>
        <translation>فی گھنٹہ ٹوکن: آج اور 7 دن کی اوسط</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="183"/>
        <source>Issued</source>
        <translation>جاری شدہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="183"/>
        <location filename="../../console/pages/dashboard.py" line="278"/>
        <source>Served</source>
        <translation>نمٹائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="183"/>
        <source>Issued, 7-day avg</source>
        <translation>جاری شدہ، 7 دن کی اوسط</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="184"/>
        <source>Served, 7-day avg</source>
        <translation>نمٹائے گئے، 7 دن کی اوسط</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="185"/>
        <source>Served per DEO today</source>
        <translation>آج فی ڈی ای او نمٹائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="186"/>
        <source>Median wait by hour of call (minutes)</source>
        <translation>بلانے کے گھنٹے کے لحاظ سے انتظار کا وسطانیہ (منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="186"/>
        <source>min</source>
        <translation>منٹ</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="187"/>
        <source>Calls</source>
        <translation>بلاوے</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="196"/>
        <source>Save PNG…</source>
        <translation>PNG محفوظ کریں…</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="198"/>
        <source>Save this chart as a PNG image</source>
        <translation>یہ چارٹ PNG تصویر کے طور پر محفوظ کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="221"/>
        <source>Loading %1…</source>
        <translation>%1 لوڈ ہو رہا ہے…</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="271"/>
        <source>Could not compute the figures: %1</source>
        <translation>اعداد و شمار نہ بن سکے: %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="277"/>
        <source>Site performance, %1</source>
        <translation>مرکز کی کارکردگی، %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="279"/>
        <source>%1 issued · %2 at counters now</source>
        <translation>%1 جاری شدہ · %2 اس وقت کاؤنٹر پر</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="283"/>
        <source>longest estimated wait %1 min</source>
        <translation>سب سے طویل متوقع انتظار %1 منٹ</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="284"/>
        <source>nobody waiting</source>
        <translation>کوئی منتظر نہیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="289"/>
        <source>%1 min</source>
        <translation>%1 منٹ</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="290"/>
        <source>p90 %1 min · %2 calls</source>
        <translation>p90 %1 منٹ · %2 بلاوے</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="295"/>
        <source>called within %1 min</source>
        <translation>%1 منٹ کے اندر بلائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="300"/>
        <source>%1 of %2 called visitors</source>
        <translation>%2 بلائے گئے سائلین میں سے %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="303"/>
        <source>%1 waiting, ~%2 min</source>
        <translation>%1 منتظر، تقریباً %2 منٹ</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="305"/>
        <source>%1 waiting</source>
        <translation>%1 منتظر</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="307"/>
        <source>Estimated wait for a new token — </source>
        <translation>نئے ٹوکن کا متوقع انتظار — </translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="313"/>
        <source>7-day average over %1 open day(s)</source>
        <translation>%1 کھلے دنوں کی 7 روزہ اوسط</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="314"/>
        <source>no earlier days to average yet</source>
        <translation>اوسط کے لیے ابھی پچھلے دن موجود نہیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="315"/>
        <source>Updated %1 (Pakistan time) · %2</source>
        <translation>تازہ کاری %1 (پاکستانی وقت) · %2</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="323"/>
        <source>%1 (%2)
Served: %3 · No-show: %4
Median service: %5 min
Counters: %6</source>
        <translation>%1 (%2)
نمٹائے گئے: %3 · غیر حاضر: %4
خدمت کے وقت کا وسطانیہ: %5 منٹ
کاؤنٹر: %6</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="354"/>
        <source>Save chart</source>
        <translation>چارٹ محفوظ کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="354"/>
        <source>PNG image (*.png)</source>
        <translation>PNG تصویر (*.png)</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="356"/>
        <source>Could not save %1</source>
        <translation>%1 محفوظ نہ ہو سکا</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="361"/>
        <source>Export the daily report</source>
        <translation>روزانہ رپورٹ برآمد کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="369"/>
        <source>Preparing the report…</source>
        <translation>رپورٹ تیار ہو رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="372"/>
        <source>No registry connection is configured, so the survey quality checks are not included.</source>
        <translation>رجسٹری سے رابطہ ترتیب نہیں دیا گیا، اس لیے سروے کے معیار کی جانچ شامل نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="379"/>
        <source>The registry could not be reached, so the survey quality checks are not included (%1).</source>
        <translation>رجسٹری سے رابطہ نہیں ہو سکا، اس لیے سروے کے معیار کی جانچ شامل نہیں (%1)۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="400"/>
        <source>Could not build the report: %1</source>
        <translation>رپورٹ نہ بن سکی: %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="411"/>
        <source>Report saved to %1</source>
        <translation>رپورٹ %1 میں محفوظ ہو گئی</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="327"/>
        <source>Surveys: %1</source>
        <translation>سروے: %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="348"/>
        <source>%1: %2 served, %3 surveys</source>
        <translation>%1: %2 نمٹائے گئے، %3 سروے</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard.py" line="350"/>
        <source>Per DEO today — </source>
        <translation>آج فی ڈی ای او — </translation>
    </message>
</context>
<context>
    <name>DemoSamplesBox</name>
    <message>
        <location filename="../../console/pages/triage_samples.py" line="33"/>
        <source>Sample visitors (demo)</source>
        <translation>نمونہ سائلین (ڈیمو)</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_samples.py" line="38"/>
        <source>Click a visitor to fill the CNIC field.</source>
        <translation>شناختی کارڈ نمبر کا خانہ بھرنے کے لیے سائل پر کلک کریں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_samples.py" line="66"/>
        <source>Not yet due</source>
        <translation>ابھی وقت نہیں آیا</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_samples.py" line="66"/>
        <source>Identity mismatch</source>
        <translation>شناخت میں عدم مطابقت</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_samples.py" line="67"/>
        <source>Identity blocked</source>
        <translation>شناخت بلاک</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_samples.py" line="67"/>
        <source>Unknown to NADRA (a typo)</source>
        <translation>نادرا کے پاس نہیں (غلط نمبر)</translation>
    </message>
</context>
<context>
    <name>DeoFlagsModel</name>
    <message>
        <location filename="../../widgets/quality_tables.py" line="29"/>
        <source>DEO</source>
        <translation>ڈی ای او</translation>
    </message>
    <message>
        <location filename="../../widgets/quality_tables.py" line="29"/>
        <source>Surveys</source>
        <translation>سروے</translation>
    </message>
    <message>
        <location filename="../../widgets/quality_tables.py" line="29"/>
        <source>Flagged</source>
        <translation>نشان زدہ</translation>
    </message>
    <message>
        <location filename="../../widgets/quality_tables.py" line="29"/>
        <source>Flag rate</source>
        <translation>نشان کی شرح</translation>
    </message>
    <message>
        <location filename="../../widgets/quality_tables.py" line="30"/>
        <source>Median min</source>
        <translation>وسطانیہ منٹ</translation>
    </message>
    <message>
        <location filename="../../widgets/quality_tables.py" line="30"/>
        <source>Avg household</source>
        <translation>اوسط گھرانہ</translation>
    </message>
    <message>
        <location filename="../../widgets/quality_tables.py" line="30"/>
        <source>Outlier</source>
        <translation>غیر معمولی</translation>
    </message>
    <message>
        <location filename="../../widgets/quality_tables.py" line="60"/>
        <source>yes</source>
        <translation>ہاں</translation>
    </message>
    <message>
        <location filename="../../widgets/quality_tables.py" line="67"/>
        <source>Far from the site&apos;s other DEOs: </source>
        <translation>مرکز کے دوسرے ڈی ای اوز سے بہت مختلف: </translation>
    </message>
</context>
<context>
    <name>DeskBox</name>
    <message>
        <location filename="../../console/pages/triage_desk.py" line="30"/>
        <source>Roster update: what changes in the family?</source>
        <translation>خاندانی کوائف میں تبدیلی: خاندان میں کیا بدلا ہے؟</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_desk.py" line="39"/>
        <source>B-form (children&apos;s registration certificate) shown</source>
        <translation>ب فارم (بچوں کا اندراج سرٹیفکیٹ) دکھایا گیا</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_desk.py" line="40"/>
        <source>Recorded with the token: the DEO sees whether the B-form was brought.</source>
        <translation>ٹوکن کے ساتھ درج ہوتا ہے: ڈی ای او دیکھ سکتا ہے کہ ب فارم لایا گیا یا نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_desk.py" line="42"/>
        <source>The registry does not know this CNIC: type it a second time from the card before a missed-out token is issued.</source>
        <translation>یہ شناختی کارڈ نمبر رجسٹری میں نہیں: رہ جانے والے گھرانے کے اندراج کا ٹوکن جاری کرنے سے پہلے کارڈ سے نمبر دوبارہ لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_desk.py" line="47"/>
        <source>CNIC again</source>
        <translation>شناختی کارڈ نمبر دوبارہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_desk.py" line="57"/>
        <source>Override NADRA&apos;s block (supervisor)</source>
        <translation>نادرا کی بندش ختم کریں (سپروائزر)</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_desk.py" line="61"/>
        <source>Reason (recorded in the audit trail and sent to the centre)</source>
        <translation>وجہ (آڈٹ ریکارڈ میں درج ہو کر مرکز کو بھیجی جائے گی)</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_desk.py" line="64"/>
        <source>NADRA has blocked this CNIC: send the visitor to the supervisor, who can override the block with a reason.</source>
        <translation>نادرا نے یہ شناختی کارڈ نمبر بند کیا ہے: سائل کو سپروائزر کے پاس بھیجیں، جو وجہ لکھ کر بندش ختم کر سکتے ہیں۔</translation>
    </message>
</context>
<context>
    <name>DiagnosticsCheck</name>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="32"/>
        <source>Database</source>
        <translation>ڈیٹا بیس</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="33"/>
        <source>Disk space</source>
        <translation>ڈسک میں جگہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="34"/>
        <source>Printer</source>
        <translation>پرنٹر</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="35"/>
        <source>Hub</source>
        <translation>مرکزی سرور</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="36"/>
        <source>Urdu fonts</source>
        <translation>اردو فونٹ</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="37"/>
        <source>Time zone</source>
        <translation>ٹائم زون</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="38"/>
        <source>Data folder</source>
        <translation>ڈیٹا فولڈر</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPage</name>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="62"/>
        <source>Diagnostics</source>
        <translation>تشخیص</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="66"/>
        <source>Run checks</source>
        <translation>جانچ چلائیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="68"/>
        <source>Save diagnostics bundle…</source>
        <translation>تشخیصی فائل محفوظ کریں…</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="74"/>
        <source>Not checked yet.</source>
        <translation>ابھی جانچ نہیں ہوئی۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="77"/>
        <source>Check</source>
        <translation>جانچ</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="77"/>
        <source>Verdict</source>
        <translation>نتیجہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="77"/>
        <source>Found</source>
        <translation>کیا ملا</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="77"/>
        <source>How to fix</source>
        <translation>درست کیسے کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="100"/>
        <source>Checking the database, disk, printer, hub, fonts, time zone and folders…</source>
        <translation>ڈیٹا بیس، ڈسک، پرنٹر، مرکزی سرور، فونٹ، ٹائم زون اور فولڈر جانچے جا رہے ہیں…</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="117"/>
        <source>%1 failed, %2 to look at, %3 passed.</source>
        <translation>%1 ناکام، %2 توجہ طلب، %3 درست۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="125"/>
        <source>The checks could not run: %1</source>
        <translation>جانچ نہیں چل سکی: %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="128"/>
        <source>Save diagnostics bundle</source>
        <translation>تشخیصی فائل محفوظ کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="129"/>
        <source>Zip files (*.zip)</source>
        <translation>زپ فائلیں (*.zip)</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="136"/>
        <source>Saving the diagnostics bundle…</source>
        <translation>تشخیصی فائل محفوظ ہو رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="141"/>
        <source>Saved %1 (secrets and CNICs masked; no database). Send it to the help desk.</source>
        <translation>%1 محفوظ ہو گئی (خفیہ کلیدیں اور شناختی کارڈ نمبر چھپا دیے گئے؛ ڈیٹا بیس شامل نہیں)۔ اسے ہیلپ ڈیسک کو بھیجیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="146"/>
        <source>Could not save the bundle: %1</source>
        <translation>تشخیصی فائل محفوظ نہیں ہو سکی: %1</translation>
    </message>
</context>
<context>
    <name>DiagnosticsVerdict</name>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="41"/>
        <source>Pass</source>
        <translation>درست</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="42"/>
        <source>Look at this</source>
        <translation>توجہ طلب</translation>
    </message>
    <message>
        <location filename="../../console/pages/diagnostics.py" line="43"/>
        <source>Fail</source>
        <translation>ناکام</translation>
    </message>
</context>
<context>
    <name>DoctorFinding</name>
    <message>
        <location filename="../../console/catalogue.py" line="12"/>
        <source>{path} does not exist</source>
        <translation>{path} موجود نہیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="13"/>
        <source>{path} {problem}</source>
        <translation>{path}: ڈیٹا بیس خراب یا ناقابلِ مطالعہ ہے ({problem})</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="14"/>
        <source>cannot read the database ({error})</source>
        <translation>ڈیٹا بیس پڑھا نہیں جا سکا ({error})</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="15"/>
        <source>schema {revisions} is not the newest</source>
        <translation>ڈیٹا بیس کا ڈھانچہ {revisions} تازہ ترین نہیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="16"/>
        <source>PostgreSQL store reachable, newest schema</source>
        <translation>پوسٹ گریس ڈیٹا بیس دستیاب، ڈھانچہ تازہ ترین</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="17"/>
        <source>integrity ok, newest schema, {size} MB, WAL {wal} MB</source>
        <translation>درست، ڈھانچہ تازہ ترین، {size} ایم بی، عارضی لاگ {wal} ایم بی</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="18"/>
        <source>cannot read free space of {folder} ({error})</source>
        <translation>{folder} میں خالی جگہ معلوم نہیں ہو سکی ({error})</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="19"/>
        <source>{free} MB free on the drive of {folder}</source>
        <translation>{folder} کی ڈرائیو پر {free} ایم بی خالی</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="20"/>
        <source>{where}: not set up ({error})</source>
        <translation>{where}: ترتیب نہیں دیا گیا ({error})</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="21"/>
        <source>{where}: not reachable ({error})</source>
        <translation>{where}: رابطہ نہیں ہو سکا ({error})</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="22"/>
        <source>{where}: ready, paper loaded</source>
        <translation>{where}: تیار، کاغذ موجود</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="23"/>
        <source>{where}: connected, but this connection does not report status or paper</source>
        <translation>{where}: جڑا ہوا ہے، مگر یہ رابطہ حالت یا کاغذ کی خبر نہیں دیتا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="24"/>
        <source>{where}: paper nearly out</source>
        <translation>{where}: کاغذ ختم ہونے کو ہے</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="25"/>
        <source>{where}: out of paper</source>
        <translation>{where}: کاغذ ختم</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="26"/>
        <source>{where}: offline (cover open or an error)</source>
        <translation>{where}: آف لائن (ڈھکن کھلا ہے یا کوئی خرابی)</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="27"/>
        <source>{url}: not reachable ({error})</source>
        <translation>{url}: رابطہ نہیں ہو سکا ({error})</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="28"/>
        <source>{url}: answered HTTP {status} to a health check</source>
        <translation>{url}: حالت کی جانچ کا جواب HTTP {status} آیا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="29"/>
        <source>{url}: reachable, but no site key is configured</source>
        <translation>{url}: رابطہ ہو گیا، مگر کوئی سائٹ کلید ترتیب نہیں دی گئی</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="30"/>
        <source>{url}: stopped answering ({error})</source>
        <translation>{url}: جواب دینا بند کر دیا ({error})</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="31"/>
        <source>{url}: reachable, but the site key was refused (HTTP {status})</source>
        <translation>{url}: رابطہ ہو گیا، مگر سائٹ کلید مسترد ہو گئی (HTTP {status})</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="32"/>
        <source>{url}: reachable, site key accepted, clock not compared (no Date header)</source>
        <translation>{url}: رابطہ ہو گیا، سائٹ کلید قبول، گھڑی کا موازنہ نہیں ہو سکا (ہب نے وقت نہیں بتایا)</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="33"/>
        <source>{url}: reachable, site key accepted, clocks differ by {skew} s</source>
        <translation>{url}: رابطہ ہو گیا، سائٹ کلید قبول، گھڑیوں میں {skew} سیکنڈ کا فرق</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="34"/>
        <source>slip font {path} missing or unreadable ({error})</source>
        <translation>پرچی کا فونٹ {path} موجود نہیں یا پڑھا نہیں جا سکا ({error})</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="35"/>
        <source>slip font {family}; system fonts not listed on this platform</source>
        <translation>پرچی کا فونٹ {family}؛ اس نظام پر سسٹم فونٹ کی فہرست دستیاب نہیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="36"/>
        <source>slip font {family}; could not list system fonts ({error})</source>
        <translation>پرچی کا فونٹ {family}؛ سسٹم فونٹ کی فہرست نہیں بن سکی ({error})</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="37"/>
        <source>slip font {family}; no system font covers Urdu, so the window may show boxes</source>
        <translation>پرچی کا فونٹ {family}؛ کوئی سسٹم فونٹ اردو نہیں دکھاتا، اس لیے اسکرین پر خانے نظر آ سکتے ہیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="38"/>
        <source>slip font {family}; {count} system fonts cover Urdu (e.g. {example})</source>
        <translation>پرچی کا فونٹ {family}؛ {count} سسٹم فونٹ اردو دکھاتے ہیں (مثلاً {example})</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="39"/>
        <source>time zone {zone} is not known on this PC</source>
        <translation>ٹائم زون {zone} اس کمپیوٹر پر معلوم نہیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="40"/>
        <source>this PC runs at {pc}, the site at {site} ({zone})</source>
        <translation>یہ کمپیوٹر {pc} پر چل رہا ہے، مرکز {site} ({zone}) پر</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="41"/>
        <source>{zone}, and this PC agrees ({site})</source>
        <translation>{zone}، اور یہ کمپیوٹر بھی اسی پر ہے ({site})</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="42"/>
        <source>{folder} does not exist</source>
        <translation>{folder} موجود نہیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="43"/>
        <source>{folder} is not writable by this account</source>
        <translation>{folder} میں یہ اکاؤنٹ لکھ نہیں سکتا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="44"/>
        <source>{folder} writable</source>
        <translation>{folder} میں لکھا جا سکتا ہے</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="45"/>
        <source>readable or writable by other accounts: {files}</source>
        <translation>دوسرے اکاؤنٹ بھی پڑھ یا لکھ سکتے ہیں: {files}</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="46"/>
        <source>{folder} writable; database and configuration readable by this account only</source>
        <translation>{folder} میں لکھا جا سکتا ہے؛ ڈیٹا بیس اور ترتیبات صرف یہی اکاؤنٹ پڑھ سکتا ہے</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="47"/>
        <source>the check itself failed: {error}</source>
        <translation>جانچ خود ناکام ہو گئی: {error}</translation>
    </message>
</context>
<context>
    <name>DoctorFix</name>
    <message>
        <location filename="../../console/catalogue.py" line="48"/>
        <source>run {upgrade} or restore a backup</source>
        <translation>{upgrade} چلائیں یا بیک اپ بحال کریں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="49"/>
        <source>restore the newest backup: {restore}</source>
        <translation>تازہ ترین بیک اپ بحال کریں: {restore}</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="50"/>
        <source>check {setting}, or run {upgrade}</source>
        <translation>{setting} دیکھیں، یا {upgrade} چلائیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="51"/>
        <source>run {upgrade} (it takes a backup first)</source>
        <translation>{upgrade} چلائیں (یہ پہلے بیک اپ لیتا ہے)</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="52"/>
        <source>the write-ahead log is large: close other consoles for a moment so SQLite can checkpoint it, or restart the console</source>
        <translation>ڈیٹا بیس کا عارضی لاگ بڑا ہو گیا ہے: دوسرے کنسول کچھ دیر کے لیے بند کریں تاکہ ڈیٹا بیس اسے سمیٹ سکے، یا کنسول دوبارہ شروع کریں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="53"/>
        <source>check the drive</source>
        <translation>ڈرائیو جانچیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="54"/>
        <source>free space now: the queue stops when the disk is full (delete old files, move backups to a USB stick)</source>
        <translation>ابھی جگہ خالی کریں: ڈسک بھر جانے پر قطار رک جاتی ہے (پرانی فائلیں حذف کریں، بیک اپ USB اسٹک پر منتقل کریں)</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="55"/>
        <source>free some space soon (old backups, downloads)</source>
        <translation>جلد کچھ جگہ خالی کریں (پرانے بیک اپ، ڈاؤن لوڈ)</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="56"/>
        <source>choose the printer on the Printer page ([printer] settings)</source>
        <translation>پرنٹر کے صفحے پر پرنٹر چنیں ([printer] ترتیبات)</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="57"/>
        <source>switch the printer on, check its cable or network address ([printer] settings), then reprint any slips marked &apos;not printed&apos;</source>
        <translation>پرنٹر آن کریں، اس کی تار یا نیٹ ورک کا پتہ جانچیں ([printer] ترتیبات)، پھر &apos;نہیں چھپی&apos; والی پرچیاں دوبارہ چھاپیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="58"/>
        <source>print a test slip from the Printer page to be sure</source>
        <translation>یقین کے لیے پرنٹر کے صفحے سے آزمائشی پرچی چھاپیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="59"/>
        <source>load a new paper roll soon</source>
        <translation>جلد کاغذ کا نیا رول لگائیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="60"/>
        <source>load a new paper roll</source>
        <translation>کاغذ کا نیا رول لگائیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="61"/>
        <source>close the cover; switch the printer off and on</source>
        <translation>ڈھکن بند کریں؛ پرنٹر بند کر کے دوبارہ آن کریں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="62"/>
        <source>the site keeps working offline (tokens are issued unverified); check the network cable or Wi-Fi and [hub] url</source>
        <translation>مرکز آف لائن کام جاری رکھتا ہے (ٹوکن بغیر تصدیق جاری ہوتے ہیں)؛ نیٹ ورک کی تار یا وائی فائی اور [hub] url جانچیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="63"/>
        <source>the hub is unwell; tell the central help desk</source>
        <translation>ہب میں خرابی ہے؛ مرکزی ہیلپ ڈیسک کو بتائیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="64"/>
        <source>enter the site key from the centre ([hub] api_key)</source>
        <translation>مرکز کی دی ہوئی سائٹ کلید درج کریں ([hub] api_key)</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="65"/>
        <source>try again in a moment</source>
        <translation>تھوڑی دیر بعد دوبارہ کوشش کریں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="66"/>
        <source>ask the centre for this site&apos;s key and enter it in [hub] api_key</source>
        <translation>مرکز سے اس سائٹ کی کلید لیں اور [hub] api_key میں درج کریں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="67"/>
        <source>set this PC&apos;s date and time (automatic time, zone Asia/Karachi)</source>
        <translation>اس کمپیوٹر کی تاریخ اور وقت درست کریں (خودکار وقت، زون Asia/Karachi)</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="68"/>
        <source>turn on automatic time on this PC</source>
        <translation>اس کمپیوٹر پر خودکار وقت آن کریں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="69"/>
        <source>reinstall DRC Console (the font ships in resources/fonts)</source>
        <translation>ڈی آر سی کنسول دوبارہ انسٹال کریں (فونٹ resources/fonts میں آتا ہے)</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="70"/>
        <source>install Noto fonts (Debian/Ubuntu: {command})</source>
        <translation>Noto فونٹ انسٹال کریں ({command})</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="71"/>
        <source>reinstall DRC Console (it needs the {package} package)</source>
        <translation>ڈی آر سی کنسول دوبارہ انسٹال کریں (اسے {package} پیکج درکار ہے)</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="72"/>
        <source>the console shows site time anyway; set the PC&apos;s zone to Pakistan so logs and file times match</source>
        <translation>کنسول ہر حال میں مرکز کا وقت دکھاتا ہے؛ کمپیوٹر کا زون پاکستان کر دیں تاکہ لاگ اور فائلوں کے اوقات میل کھائیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="73"/>
        <source>start the console once, or create the folder</source>
        <translation>کنسول ایک بار چلائیں، یا فولڈر بنائیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="74"/>
        <source>give the console&apos;s account write access</source>
        <translation>کنسول کے اکاؤنٹ کو لکھنے کی اجازت دیں</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="75"/>
        <source>{command} on those files (700 on the folder): they hold CNICs and the site key</source>
        <translation>ان فائلوں پر {command} (فولڈر پر 700): ان میں شناختی کارڈ نمبر اور سائٹ کلید ہیں</translation>
    </message>
</context>
<context>
    <name>DomainError</name>
    <message>
        <location filename="../../console/names.py" line="107"/>
        <source>No open counter with a DEO serves {type} now; choose another type.</source>
        <translation>اس وقت ڈی ای او والا کوئی کھلا کاؤنٹر {type} نہیں کر رہا؛ کوئی اور قسم چنیں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="106"/>
        <source>Recall {number} {left} more time(s) before marking it no-show.</source>
        <translation>غیر حاضر قرار دینے سے پہلے {number} کو {left} بار مزید بلائیں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="105"/>
        <source>{number} was recalled {count} times; mark it no-show.</source>
        <translation>{number} کو {count} بار دوبارہ بلایا جا چکا ہے؛ اسے غیر حاضر قرار دیں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="92"/>
        <source>Appeals against the cut-off are not launched; choose another update type.</source>
        <translation>اہلیت کے فیصلے کے خلاف اپیلیں ابھی شروع نہیں ہوئیں؛ اپڈیٹ کی کوئی اور قسم منتخب کریں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="93"/>
        <source>This CNIC already holds token {number} today.</source>
        <translation>اس شناختی کارڈ نمبر پر آج پہلے ہی ٹوکن {number} جاری شدہ ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="94"/>
        <source>{counter} has no DEO; assign one before calling.</source>
        <translation>{counter} پر کوئی ڈی ای او مقرر نہیں؛ بلانے سے پہلے کسی کو مقرر کریں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="95"/>
        <source>{counter} is {counter_state}; open it before calling.</source>
        <translation>{counter} {counter_state} ہے؛ بلانے سے پہلے اسے کھولیں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="99"/>
        <source>{counter} is still serving {number}; finish it first.</source>
        <translation>{counter} ابھی {number} کو نمٹا رہا ہے؛ پہلے اسے مکمل کریں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="100"/>
        <source>{counter} serves no update type.</source>
        <translation>{counter} کے لیے اپڈیٹ کی کوئی قسم مقرر نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="101"/>
        <source>Unknown priority reason: {reason}.</source>
        <translation>ترجیح کی نامعلوم وجہ: {reason}۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="102"/>
        <source>Token {number} cannot be {action} now: it is {state}.</source>
        <translation>ٹوکن {number} پر ابھی یہ کارروائی ({action}) نہیں ہو سکتی: اس کی حالت {state} ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="103"/>
        <source>Not eligible for {type}: {reason}</source>
        <translation>{type} کے اہل نہیں: {reason}</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="104"/>
        <source>{type} cannot be chosen by hand under the current policy.</source>
        <translation>موجودہ پالیسی کے تحت {type} ہاتھ سے منتخب نہیں کی جا سکتی۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="108"/>
        <source>Type the CNIC a second time before issuing a missed-out token.</source>
        <translation>رہ جانے والے گھرانے کے اندراج کا ٹوکن جاری کرنے سے پہلے شناختی کارڈ نمبر دوبارہ لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="109"/>
        <source>The CNIC typed the second time is different: check the card; nothing was issued.</source>
        <translation>دوسری بار لکھا گیا شناختی کارڈ نمبر مختلف ہے: کارڈ دیکھیں؛ کوئی ٹوکن جاری نہیں ہوا۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="110"/>
        <source>Tick what changes in the family (birth, death, marriage ...) for a roster update.</source>
        <translation>خاندانی کوائف میں تبدیلی کے لیے نشان لگائیں کہ خاندان میں کیا بدلا ہے (پیدائش، وفات، شادی ...)۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="111"/>
        <source>Unknown roster change(s): {changes}.</source>
        <translation>نامعلوم تبدیلی: {changes}۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="112"/>
        <source>NADRA has blocked this CNIC: only a supervisor can override the block.</source>
        <translation>نادرا نے یہ شناختی کارڈ نمبر بند کیا ہے: صرف سپروائزر بندش ختم کر سکتے ہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="113"/>
        <source>Give the reason for overriding the block (at least {n} characters).</source>
        <translation>بندش ختم کرنے کی وجہ لکھیں (کم از کم {n} حروف)۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="114"/>
        <source>Signed in as {role}, you may not {permission}.</source>
        <translation>آپ کا کردار {role} ہے؛ آپ کو {permission} کی اجازت نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="115"/>
        <source>{username} is not assigned to this counter.</source>
        <translation>{username} اس کاؤنٹر پر مقرر نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="116"/>
        <source>An administrator already exists; sign in instead.</source>
        <translation>ایڈمنسٹریٹر پہلے سے موجود ہے؛ اس کے بجائے داخل ہوں۔</translation>
    </message>
</context>
<context>
    <name>ExistingTokenBanner</name>
    <message>
        <location filename="../../console/pages/triage_existing.py" line="26"/>
        <source>Reprint slip</source>
        <translation>پرچی دوبارہ چھاپیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_existing.py" line="40"/>
        <source>Token {number} was carried over from {day}: the visitor&apos;s slip shows that day&apos;s number. Reprint the slip now so it shows {number}.</source>
        <translation>ٹوکن {number} کو {day} سے اگلے دن منتقل کیا گیا: سائل کی پرچی پر اُس دن کا نمبر ہے۔ پرچی ابھی دوبارہ چھاپیں تاکہ اس پر {number} ہو۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_existing.py" line="43"/>
        <source>This CNIC already holds token {number} today ({state}). Reprint the slip instead of issuing a second token.</source>
        <translation>اس شناختی کارڈ نمبر پر آج پہلے ہی ٹوکن {number} ہے ({state})۔ دوسرا ٹوکن جاری کرنے کے بجائے پرچی دوبارہ چھاپیں۔</translation>
    </message>
</context>
<context>
    <name>FamilyTreeBox</name>
    <message>
        <location filename="../../console/pages/triage_family.py" line="36"/>
        <source>Family tree (from the registry)</source>
        <translation>خاندانی شجرہ (رجسٹری سے)</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_family.py" line="39"/>
        <source>Relation</source>
        <translation>رشتہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_family.py" line="39"/>
        <source>Gender</source>
        <translation>جنس</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_family.py" line="39"/>
        <source>Age</source>
        <translation>عمر</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_family.py" line="49"/>
        <source>The visitor at the desk is the selected member</source>
        <translation>ڈیسک پر موجود سائل منتخب کردہ فرد ہی ہے</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_family.py" line="50"/>
        <source>Check the card holder&apos;s relation, gender and age against the selected row; the confirmation is recorded with the token.</source>
        <translation>کارڈ والے کا رشتہ، جنس اور عمر منتخب قطار سے ملائیں؛ تصدیق ٹوکن کے ساتھ درج ہوتی ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_family.py" line="68"/>
        <source>none (under 18)</source>
        <translation>نہیں (18 سال سے کم)</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_family.py" line="69"/>
        <source>this CNIC</source>
        <translation>یہ شناختی کارڈ نمبر</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_family.py" line="70"/>
        <source>male</source>
        <translation>مرد</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_family.py" line="70"/>
        <source>female</source>
        <translation>عورت</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_family.py" line="39"/>
        <source>CNIC</source>
        <translation>شناختی کارڈ نمبر</translation>
    </message>
</context>
<context>
    <name>FlaggedSurveysModel</name>
    <message>
        <location filename="../../widgets/quality_tables.py" line="84"/>
        <source>Survey</source>
        <translation>سروے</translation>
    </message>
    <message>
        <location filename="../../widgets/quality_tables.py" line="84"/>
        <source>DEO</source>
        <translation>ڈی ای او</translation>
    </message>
    <message>
        <location filename="../../widgets/quality_tables.py" line="84"/>
        <source>CNIC</source>
        <translation>شناختی کارڈ نمبر</translation>
    </message>
    <message>
        <location filename="../../widgets/quality_tables.py" line="84"/>
        <source>Phone</source>
        <translation>فون</translation>
    </message>
    <message>
        <location filename="../../widgets/quality_tables.py" line="84"/>
        <source>Minutes</source>
        <translation>منٹ</translation>
    </message>
    <message>
        <location filename="../../widgets/quality_tables.py" line="85"/>
        <source>Household</source>
        <translation>گھرانہ</translation>
    </message>
    <message>
        <location filename="../../widgets/quality_tables.py" line="85"/>
        <source>Flags</source>
        <translation>نشانات</translation>
    </message>
    <message>
        <location filename="../../widgets/quality_tables.py" line="85"/>
        <source>Why</source>
        <translation>وجہ</translation>
    </message>
</context>
<context>
    <name>HistoryTabs</name>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="108"/>
        <source>Hour</source>
        <translation>گھنٹہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="108"/>
        <source>Unverified tokens</source>
        <translation>غیر تصدیق شدہ ٹوکن</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="108"/>
        <source>Hub</source>
        <translation>ہب</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="112"/>
        <source>Counter</source>
        <translation>کاؤنٹر</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="112"/>
        <source>Serving (min)</source>
        <translation>خدمت (منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="112"/>
        <source>Break (min)</source>
        <translation>وقفہ (منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="112"/>
        <source>Idle (min)</source>
        <translation>فارغ (منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="113"/>
        <source>Serving share</source>
        <translation>خدمت کا حصہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="115"/>
        <source>Update type</source>
        <translation>اپڈیٹ کی قسم</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="115"/>
        <source>Called tokens</source>
        <translation>بلائے گئے ٹوکن</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="115"/>
        <source>Median error (min)</source>
        <translation>فرق کا وسطانیہ (منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="116"/>
        <source>Waited longer than promised</source>
        <translation>وعدے سے زیادہ انتظار</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="118"/>
        <source>The slip&apos;s estimated wait against the real wait from issue to call.</source>
        <translation>پرچی پر لکھا متوقع انتظار، ٹوکن جاری ہونے سے بلائے جانے تک کے اصل انتظار کے مقابلے میں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="135"/>
        <source>Hours with the hub offline: %1. Unverified tokens: %2.</source>
        <translation>جن گھنٹوں میں ہب سے رابطہ نہیں تھا: %1۔ غیر تصدیق شدہ ٹوکن: %2۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="136"/>
        <source>none</source>
        <translation>کوئی نہیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="138"/>
        <source>offline</source>
        <translation>رابطہ منقطع</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="138"/>
        <source>online</source>
        <translation>رابطہ قائم</translation>
    </message>
</context>
<context>
    <name>HubPage</name>
    <message>
        <location filename="../../console/setup_wizard.py" line="124"/>
        <source>Central hub</source>
        <translation>مرکزی سرور</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="125"/>
        <source>The address of the central registry and the site key from the centre.</source>
        <translation>مرکزی رجسٹری کا پتہ اور مرکز کی طرف سے دی گئی سائٹ کلید۔</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="129"/>
        <source>Test connection</source>
        <translation>رابطہ جانچیں</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="133"/>
        <source>Hub address</source>
        <translation>سرور کا پتہ</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="134"/>
        <source>Site key</source>
        <translation>سائٹ کلید</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="146"/>
        <source>Testing…</source>
        <translation>جانچ ہو رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="153"/>
        <source>Not connected: %1. %2 You can finish the setup anyway: the site works offline and connects when the hub answers.</source>
        <translation>رابطہ نہیں ہوا: %1۔ %2 آپ پھر بھی سیٹ اپ مکمل کر سکتے ہیں: سائٹ آف لائن کام کرے گی اور سرور کے جواب دینے پر جڑ جائے گی۔</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="157"/>
        <source>Connected: %1</source>
        <translation>رابطہ ہو گیا: %1</translation>
    </message>
</context>
<context>
    <name>KeyboardMap</name>
    <message>
        <location filename="../../console/keymap.py" line="72"/>
        <location filename="../../console/keymap.py" line="93"/>
        <source>Keyboard map</source>
        <translation>کی بورڈ کی کلیدیں</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="63"/>
        <source>Queue and Counters (on the selected counter)</source>
        <translation>قطار اور کاؤنٹر (منتخب کاؤنٹر پر)</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="62"/>
        <source>Triage</source>
        <translation>ابتدائی جانچ</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="62"/>
        <source>Everywhere</source>
        <translation>ہر جگہ</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="59"/>
        <source>Transfer: the token selected in the waiting list when the list has the focus, else the selected counter&apos;s</source>
        <translation>منتقل کریں: منتظر فہرست میں منتخب ٹوکن، اگر کی بورڈ فہرست میں ہو؛ ورنہ منتخب کاؤنٹر کا ٹوکن</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="58"/>
        <source>No-show</source>
        <translation>غیر حاضر قرار دیں</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="57"/>
        <source>Complete</source>
        <translation>مکمل کریں</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="56"/>
        <source>Start the service</source>
        <translation>خدمت شروع کریں</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="55"/>
        <source>Recall</source>
        <translation>دوبارہ بلائیں</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="54"/>
        <source>Call the next visitor</source>
        <translation>اگلے سائل کو بلائیں</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="53"/>
        <source>Select a counter (it scrolls into view)</source>
        <translation>کاؤنٹر منتخب کریں (وہ سامنے آ جاتا ہے)</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="52"/>
        <source>Issue a token (queue page)</source>
        <translation>ٹوکن جاری کریں (قطار کا صفحہ)</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="49"/>
        <source>Clear, ready for the next visitor</source>
        <translation>صاف کریں، اگلے سائل کے لیے تیار</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="48"/>
        <source>Issue the token</source>
        <translation>ٹوکن جاری کریں</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="47"/>
        <source>Choose an update type</source>
        <translation>اپ ڈیٹ کی قسم چنیں</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="46"/>
        <source>Look up the CNIC typed or scanned</source>
        <translation>لکھا یا اسکین کیا گیا شناختی کارڈ نمبر تلاش کریں</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="46"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="43"/>
        <source>Next / previous field (the amber ring shows where the keyboard is)</source>
        <translation>اگلا / پچھلا خانہ (نارنجی دائرہ بتاتا ہے کہ کی بورڈ کہاں ہے)</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="43"/>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <location filename="../../console/keymap.py" line="42"/>
        <source>Transfer the tokens that no open counter serves (when the red banner shows)</source>
        <translation>وہ ٹوکن منتقل کریں جن کی باری کوئی کھلا کاؤنٹر نہیں لے رہا (جب سرخ پٹی نظر آئے)</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../console/kiosk.py" line="36"/>
        <source>You already have token %1.</source>
        <translation>آپ کے پاس پہلے سے ٹوکن %1 موجود ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/kiosk.py" line="73"/>
        <source>DRC token kiosk</source>
        <translation>ڈی آر سی ٹوکن کیوسک</translation>
    </message>
    <message>
        <location filename="../../console/kiosk.py" line="108"/>
        <source>Choose your language to take a token</source>
        <translation>ٹوکن لینے کے لیے اپنی زبان چنیں</translation>
    </message>
    <message>
        <location filename="../../console/kiosk.py" line="37"/>
        <source>Type your CNIC or scan your card</source>
        <translation>اپنا شناختی کارڈ نمبر لکھیں یا کارڈ اسکین کریں</translation>
    </message>
    <message>
        <location filename="../../console/kiosk.py" line="38"/>
        <source>Type your CNIC a second time, from the card, or scan it again</source>
        <translation>اپنا شناختی کارڈ نمبر کارڈ سے دیکھ کر دوسری بار لکھیں، یا کارڈ دوبارہ اسکین کریں</translation>
    </message>
    <message>
        <location filename="../../console/kiosk.py" line="39"/>
        <source>The second CNIC is different from the first: nothing was issued. Please start again, or go to the triage desk.</source>
        <translation>دوسری بار لکھا گیا شناختی کارڈ نمبر پہلے سے مختلف ہے: کوئی ٹوکن جاری نہیں ہوا۔ براہِ کرم دوبارہ شروع کریں، یا ابتدائی جانچ کی میز پر تشریف لے جائیں۔</translation>
    </message>
    <message>
        <location filename="../../console/kiosk.py" line="194"/>
        <source>A CNIC has 13 digits</source>
        <translation>شناختی کارڈ نمبر کے 13 ہندسے ہوتے ہیں</translation>
    </message>
    <message>
        <location filename="../../console/kiosk.py" line="202"/>
        <source>Please wait…</source>
        <translation>براہِ کرم انتظار کریں…</translation>
    </message>
    <message>
        <location filename="../../console/kiosk.py" line="210"/>
        <source>This is not a valid CNIC</source>
        <translation>یہ درست شناختی کارڈ نمبر نہیں ہے</translation>
    </message>
    <message>
        <location filename="../../console/kiosk.py" line="233"/>
        <source>%1 — choose what you need</source>
        <translation>%1 — اپنی ضرورت چنیں</translation>
    </message>
    <message>
        <location filename="../../console/kiosk.py" line="241"/>
        <source>Elderly, disabled or need special help? The triage desk serves you first.</source>
        <translation>بزرگ، معذور یا خصوصی مدد درکار ہے؟ ابتدائی جانچ کی میز آپ کو پہلے نمٹائے گا۔</translation>
    </message>
    <message>
        <location filename="../../console/kiosk.py" line="285"/>
        <source>Your token: %1. Take your slip and wait to be called.</source>
        <translation>آپ کا ٹوکن: %1۔ پرچی لیں اور اپنی باری کا انتظار کریں۔</translation>
    </message>
    <message>
        <location filename="../../console/kiosk.py" line="304"/>
        <source>The slip could not print. Please go to the triage desk; your token %1 is kept.</source>
        <translation>پرچی نہیں چھپ سکی۔ براہِ کرم ابتدائی جانچ کی میز پر جائیں؛ آپ کا ٹوکن %1 محفوظ ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/kiosk.py" line="308"/>
        <source>Please go to the triage desk.</source>
        <translation>براہِ کرم ابتدائی جانچ کی میز پر تشریف لے جائیں۔</translation>
    </message>
    <message>
        <location filename="../../console/kiosk_changes.py" line="18"/>
        <source>What changes in your family? Touch each one that applies.</source>
        <translation>آپ کے خاندان میں کیا تبدیلی ہوئی ہے؟ جو جو تبدیلی ہوئی ہو اسے چھوئیں۔</translation>
    </message>
    <message>
        <location filename="../../console/kiosk_changes.py" line="19"/>
        <source>Continue</source>
        <translation>آگے بڑھیں</translation>
    </message>
    <message>
        <location filename="../../console/kiosk_changes.py" line="20"/>
        <source>Back</source>
        <translation>واپس جائیں</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../console/setup_wizard.py" line="53"/>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="54"/>
        <source>The language of the console&apos;s screens and menus. You can change it later.</source>
        <translation>کنسول کی اسکرینوں اور مینو کی زبان۔ اسے بعد میں بدلا جا سکتا ہے۔</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/session.py" line="98"/>
        <source>Now-serving board</source>
        <translation>باری کا بورڈ</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="105"/>
        <source>Open the day</source>
        <translation>دن شروع کریں</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="107"/>
        <source>Close the day…</source>
        <translation>دن ختم کریں…</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="61"/>
        <source>DRC Console — %1</source>
        <translation>ڈی آر سی کنسول — %1</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="61"/>
        <source>  [DEMO]</source>
        <translation>  [ڈیمو]</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="91"/>
        <source>&amp;View</source>
        <translation>&amp;منظر</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="92"/>
        <source>&amp;Day</source>
        <translation>&amp;دن</translation>
    </message>
    <message>
        <location filename="../../console/large_text.py" line="48"/>
        <source>Large text</source>
        <translation>بڑا متن</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../console/pages/__init__.py" line="46"/>
        <source>Triage</source>
        <translation>ابتدائی جانچ</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="47"/>
        <source>Queue</source>
        <translation>قطار</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="48"/>
        <source>Counters</source>
        <translation>کاؤنٹر</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="50"/>
        <source>Dashboard</source>
        <translation>ڈیش بورڈ</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="52"/>
        <source>Quality</source>
        <translation>معیار</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="54"/>
        <source>Region</source>
        <translation>علاقہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="56"/>
        <source>Centre quality</source>
        <translation>مرکز پر معیار</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="58"/>
        <source>Printer</source>
        <translation>پرنٹر</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="59"/>
        <source>Audit</source>
        <translation>آڈٹ</translation>
    </message>
    <message>
        <location filename="../../console/pages/__init__.py" line="60"/>
        <source>Diagnostics</source>
        <translation>تشخیص</translation>
    </message>
</context>
<context>
    <name>Period</name>
    <message>
        <location filename="../../console/names.py" line="210"/>
        <source>Today</source>
        <translation>آج</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="211"/>
        <source>Yesterday</source>
        <translation>گزشتہ کل</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="212"/>
        <source>Last 7 days</source>
        <translation>پچھلے 7 دن</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="213"/>
        <source>Last 30 days</source>
        <translation>پچھلے 30 دن</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="214"/>
        <source>This month</source>
        <translation>اس مہینے</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="215"/>
        <source>Fiscal year (July-June)</source>
        <translation>مالی سال (جولائی تا جون)</translation>
    </message>
</context>
<context>
    <name>Permission</name>
    <message>
        <location filename="../../console/names.py" line="122"/>
        <source>issue tokens</source>
        <translation>ٹوکن جاری کرنے</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="123"/>
        <source>cancel tokens</source>
        <translation>ٹوکن منسوخ کرنے</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="124"/>
        <source>transfer tokens</source>
        <translation>ٹوکن منتقل کرنے</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="125"/>
        <source>reprint slips</source>
        <translation>پرچی دوبارہ چھاپنے</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="126"/>
        <source>serve at any counter</source>
        <translation>کسی بھی کاؤنٹر پر سائلین کو نمٹانے</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="127"/>
        <source>serve at a counter</source>
        <translation>کاؤنٹر پر سائلین کو نمٹانے</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="128"/>
        <source>manage counters</source>
        <translation>کاؤنٹروں کا انتظام کرنے</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="129"/>
        <source>open or close the day</source>
        <translation>دن شروع یا بند کرنے</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="130"/>
        <source>manage staff</source>
        <translation>عملے کا انتظام کرنے</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="131"/>
        <source>see the figures</source>
        <translation>اعداد و شمار دیکھنے</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="132"/>
        <source>see the region</source>
        <translation>علاقے کے اعداد و شمار دیکھنے</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="133"/>
        <source>see full CNICs</source>
        <translation>مکمل شناختی کارڈ نمبر دیکھنے</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="134"/>
        <source>change the settings</source>
        <translation>ترتیبات بدلنے</translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <location filename="../../console/context.py" line="138"/>
        <source>The configuration&apos;s [policy] {key} is ignored: the centre sets it.</source>
        <translation>کنفیگریشن میں [policy] {key} نظر انداز کیا گیا: یہ مرکز طے کرتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/context.py" line="142"/>
        <source>The configuration&apos;s [metrics] {key} is ignored: the centre sets it.</source>
        <translation>کنفیگریشن میں [metrics] {key} نظر انداز کیا گیا: یہ مرکز طے کرتا ہے۔</translation>
    </message>
</context>
<context>
    <name>PolicyLabel</name>
    <message>
        <location filename="../../console/pages/triage_policy.py" line="53"/>
        <source>just now</source>
        <translation>ابھی ابھی</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/pages/triage_policy.py" line="55"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n منٹ پہلے</numerusform>
            <numerusform>%n منٹ پہلے</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/pages/triage_policy.py" line="57"/>
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n گھنٹہ پہلے</numerusform>
            <numerusform>%n گھنٹے پہلے</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/pages/triage_policy.py" line="58"/>
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n دن پہلے</numerusform>
            <numerusform>%n دن پہلے</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_policy.py" line="64"/>
        <source>cut-off {cut_off}, cyclic every {cyclic} years, recertification every {recert} years, appeals {appeal}</source>
        <translation>کٹ آف {cut_off}، دوبارہ سروے ہر {cyclic} سال بعد، دوبارہ تصدیق ہر {recert} سال بعد، اپیل {appeal}</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_policy.py" line="67"/>
        <source>on</source>
        <translation>جاری</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_policy.py" line="67"/>
        <source>off</source>
        <translation>بند</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_policy.py" line="70"/>
        <source>Rules: shipped defaults (the centre&apos;s policy has not arrived yet)</source>
        <translation>قواعد: پہلے سے طے شدہ (مرکز کی پالیسی ابھی موصول نہیں ہوئی)</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_policy.py" line="72"/>
        <source>Rules from the centre (version {version}, received {age})</source>
        <translation>مرکز کے قواعد (ورژن {version}، موصول {age})</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_policy.py" line="79"/>
        <source>Each value and its source. Values from the NSER annual report FY2022-23 are set by the centre; &quot;illustrative default&quot; values are ours, not BISP&apos;s.</source>
        <translation>ہر قدر اور اس کا ماخذ۔ این ایس ای آر کی سالانہ رپورٹ 2022-23 والی قدریں مرکز طے کرتا ہے؛ &quot;مثالی قدر (ہماری)&quot; والی قدریں ہماری ہیں، بی آئی ایس پی کی نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_policy.py" line="83"/>
        <source>set by the centre</source>
        <translation>مرکز کی طے شدہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_policy.py" line="84"/>
        <location filename="../../console/pages/triage_policy.py" line="87"/>
        <source>illustrative default</source>
        <translation>مثالی قدر (ہماری)</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_policy.py" line="90"/>
        <source>Ignored in this console&apos;s configuration (the centre sets them): {keys}</source>
        <translation>اس کنسول کی کنفیگریشن میں نظر انداز (یہ مرکز طے کرتا ہے): {keys}</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_policy.py" line="86"/>
        <source>NSER annual report FY2022-23</source>
        <translation>این ایس ای آر سالانہ رپورٹ 2022-23</translation>
    </message>
</context>
<context>
    <name>PrintService</name>
    <message>
        <location filename="../../console/printing_glue.py" line="179"/>
        <source>Could not prepare the slip for token %1: %2</source>
        <translation>ٹوکن %1 کی پرچی تیار نہ ہو سکی: %2</translation>
    </message>
    <message>
        <location filename="../../console/printing_glue.py" line="198"/>
        <source>Could not record the slip of token %1: %2</source>
        <translation>ٹوکن %1 کی پرچی کا اندراج نہ ہو سکا: %2</translation>
    </message>
    <message>
        <location filename="../../console/printing_glue.py" line="209"/>
        <source>Test slip sent to %1.</source>
        <translation>آزمائشی پرچی %1 کو بھیج دی گئی۔</translation>
    </message>
    <message>
        <location filename="../../console/printing_glue.py" line="223"/>
        <source>Test slip NOT printed: %1</source>
        <translation>آزمائشی پرچی نہیں چھپی: %1</translation>
    </message>
    <message>
        <location filename="../../console/printing_glue.py" line="228"/>
        <source>Slip for token %1 NOT printed: %2. The token keeps its place; reprint it from the Printer page.</source>
        <translation>ٹوکن %1 کی پرچی نہیں چھپی: %2۔ ٹوکن کی باری برقرار ہے؛ پرنٹر صفحے سے دوبارہ چھاپیں۔</translation>
    </message>
    <message>
        <location filename="../../console/printing_glue.py" line="238"/>
        <source>Printer paper is nearly out: load a new roll soon.</source>
        <translation>پرنٹر کا کاغذ ختم ہونے کو ہے: جلد نیا رول لگائیں۔</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <location filename="../../console/printing_glue.py" line="251"/>
        <source>ready</source>
        <translation>تیار</translation>
    </message>
    <message>
        <location filename="../../console/printing_glue.py" line="252"/>
        <source>paper nearly out</source>
        <translation>کاغذ ختم ہونے کو ہے</translation>
    </message>
    <message>
        <location filename="../../console/printing_glue.py" line="253"/>
        <source>OUT OF PAPER</source>
        <translation>کاغذ ختم</translation>
    </message>
    <message>
        <location filename="../../console/printing_glue.py" line="254"/>
        <source>OFFLINE</source>
        <translation>آف لائن</translation>
    </message>
    <message>
        <location filename="../../console/printing_glue.py" line="255"/>
        <source>connected (no status)</source>
        <translation>منسلک (حالت معلوم نہیں)</translation>
    </message>
    <message>
        <location filename="../../console/printing_glue.py" line="271"/>
        <source>No QR secret configured ([printer] qr_secret): slip codes cannot be verified after a restart.</source>
        <translation>کیو آر راز ترتیب نہیں دیا گیا ([printer] qr_secret): دوبارہ چلانے کے بعد پرچی کے کوڈ کی تصدیق نہیں ہو سکے گی۔</translation>
    </message>
    <message>
        <location filename="../../console/printing_glue.py" line="283"/>
        <source>not configured</source>
        <translation>ترتیب نہیں دیا گیا</translation>
    </message>
    <message>
        <location filename="../../console/printing_glue.py" line="284"/>
        <source>Printer not usable: %1</source>
        <translation>پرنٹر قابلِ استعمال نہیں: %1</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../console/pages/printer.py" line="75"/>
        <source>Printer: not checked</source>
        <translation>پرنٹر: جانچ نہیں ہوئی</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="79"/>
        <source>Slips not printed (tokens keep their place)</source>
        <translation>نہ چھپنے والی پرچیاں (ٹوکن کی باری برقرار)</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="82"/>
        <source>Token</source>
        <translation>ٹوکن</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="82"/>
        <source>Update type</source>
        <translation>اپڈیٹ کی قسم</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="82"/>
        <source>Issued</source>
        <translation>جاری شدہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="89"/>
        <source>Token number, e.g. R-042</source>
        <translation>ٹوکن نمبر، مثلاً ⁦R-042⁩</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="90"/>
        <source>Reprint this token</source>
        <translation>یہ ٹوکن دوبارہ چھاپیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="101"/>
        <source>Printing is not set up in this console.</source>
        <translation>اس کنسول میں پرنٹنگ ترتیب نہیں دی گئی۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="111"/>
        <source>last slip</source>
        <translation>آخری پرچی</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="118"/>
        <source>Slip printer</source>
        <translation>پرچی پرنٹر</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="173"/>
        <source> dots</source>
        <translation> نقطے</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="183"/>
        <source>Connection</source>
        <translation>رابطہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="185"/>
        <source>Paper width</source>
        <translation>کاغذ کی چوڑائی</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="186"/>
        <source>ESC/POS profile</source>
        <translation>ESC/POS پروفائل</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="188"/>
        <source>Apply</source>
        <translation>لاگو کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="189"/>
        <source>Test print</source>
        <translation>آزمائشی پرنٹ</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="190"/>
        <source>Check printer</source>
        <translation>پرنٹر جانچیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="199"/>
        <source>Applied settings last until the console closes; to keep them, put them in the [printer] section of the configuration file.</source>
        <translation>لاگو کی گئی ترتیبات کنسول بند ہونے تک رہیں گی؛ مستقل رکھنے کے لیے انہیں ترتیبی فائل کے [printer] حصے میں لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="202"/>
        <source>Apply also saves the settings to %1.</source>
        <translation>لاگو کرنے سے ترتیبات %1 میں محفوظ بھی ہو جاتی ہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="212"/>
        <source>Only a supervisor may change the printer settings.</source>
        <translation>پرنٹر کی ترتیبات صرف سپروائزر بدل سکتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="255"/>
        <source>Printer: %1 - checking…</source>
        <translation>پرنٹر: %1 - جانچ جاری…</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="263"/>
        <source>Saved to %1.</source>
        <translation>%1 میں محفوظ ہو گیا۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="265"/>
        <source>Printer</source>
        <translation>پرنٹر</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="268"/>
        <source>The printer settings work now but were not saved: %1</source>
        <translation>پرنٹر کی ترتیبات اب کام کر رہی ہیں مگر محفوظ نہیں ہوئیں: %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="285"/>
        <source>%1 (%2, issued %3): %4</source>
        <translation>%1 (%2، جاری شدہ %3): %4</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="290"/>
        <source>printing…</source>
        <translation>چھپ رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="294"/>
        <source>printed</source>
        <translation>چھپ گئی</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="298"/>
        <source>NOT PRINTED - %1</source>
        <translation>نہیں چھپی - %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="305"/>
        <source>Printer %1: %2</source>
        <translation>پرنٹر %1: %2</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="334"/>
        <source>Reprint</source>
        <translation>دوبارہ چھاپیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="364"/>
        <source>No token %1 today.</source>
        <translation>آج کوئی ٹوکن %1 نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="44"/>
        <source>Preview folder (PNG + .bin, no paper)</source>
        <translation>پیش منظر فولڈر (PNG اور .bin، کاغذ نہیں)</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="45"/>
        <source>Network printer (TCP, port 9100)</source>
        <translation>نیٹ ورک پرنٹر (TCP، پورٹ 9100)</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="46"/>
        <source>USB printer (vendor/product id)</source>
        <translation>یو ایس بی پرنٹر (وینڈر/پروڈکٹ آئی ڈی)</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="47"/>
        <source>Serial port</source>
        <translation>سیریل پورٹ</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="48"/>
        <source>Device file (e.g. /dev/usb/lp0)</source>
        <translation>ڈیوائس فائل (مثلاً /dev/usb/lp0)</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="49"/>
        <source>CUPS queue (raw)</source>
        <translation>CUPS قطار (خام)</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="50"/>
        <source>Windows printer (raw)</source>
        <translation>ونڈوز پرنٹر (خام)</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="52"/>
        <source>58 mm (384 dots)</source>
        <translation>58 ملی میٹر (384 ڈاٹس)</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="53"/>
        <source>80 mm (576 dots)</source>
        <translation>80 ملی میٹر (576 ڈاٹس)</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="54"/>
        <source>80 mm, older head (512 dots)</source>
        <translation>80 ملی میٹر، پرانا ہیڈ (512 ڈاٹس)</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="148"/>
        <source>Folder</source>
        <translation>فولڈر</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="150"/>
        <source>Host or IP</source>
        <translation>ہوسٹ یا آئی پی</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="151"/>
        <source>Port</source>
        <translation>پورٹ</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="152"/>
        <source>Vendor id (hex)</source>
        <translation>وینڈر آئی ڈی (ہیکس)</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="153"/>
        <source>Product id (hex)</source>
        <translation>پروڈکٹ آئی ڈی (ہیکس)</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="154"/>
        <source>Device</source>
        <translation>ڈیوائس</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="156"/>
        <source>Speed (baud)</source>
        <translation>رفتار (باڈ)</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="157"/>
        <source>Device file</source>
        <translation>ڈیوائس فائل</translation>
    </message>
    <message>
        <location filename="../../console/pages/printer.py" line="158"/>
        <source>CUPS queue</source>
        <translation>CUPS قطار</translation>
    </message>
</context>
<context>
    <name>PriorityReason</name>
    <message>
        <location filename="../../console/names.py" line="61"/>
        <source>Elderly</source>
        <translation>بزرگ</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="62"/>
        <source>Disability</source>
        <translation>معذوری</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="63"/>
        <source>Pregnant / with infant</source>
        <translation>حاملہ / شیر خوار کے ساتھ</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="64"/>
        <source>Other</source>
        <translation>دیگر</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="176"/>
        <source>Priority</source>
        <translation>ترجیح</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../console/qt_words.py" line="13"/>
        <source>OK</source>
        <translation>ٹھیک ہے</translation>
    </message>
    <message>
        <location filename="../../console/qt_words.py" line="14"/>
        <source>Save</source>
        <translation>محفوظ کریں</translation>
    </message>
    <message>
        <location filename="../../console/qt_words.py" line="15"/>
        <source>Save All</source>
        <translation>سب محفوظ کریں</translation>
    </message>
    <message>
        <location filename="../../console/qt_words.py" line="16"/>
        <source>Open</source>
        <translation>کھولیں</translation>
    </message>
    <message>
        <location filename="../../console/qt_words.py" line="17"/>
        <source>&amp;Yes</source>
        <translation>ہاں</translation>
    </message>
    <message>
        <location filename="../../console/qt_words.py" line="18"/>
        <source>Yes to &amp;All</source>
        <translation>سب کے لیے ہاں</translation>
    </message>
    <message>
        <location filename="../../console/qt_words.py" line="19"/>
        <source>&amp;No</source>
        <translation>نہیں</translation>
    </message>
    <message>
        <location filename="../../console/qt_words.py" line="20"/>
        <source>N&amp;o to All</source>
        <translation>سب کے لیے نہیں</translation>
    </message>
    <message>
        <location filename="../../console/qt_words.py" line="21"/>
        <source>Abort</source>
        <translation>روک دیں</translation>
    </message>
    <message>
        <location filename="../../console/qt_words.py" line="22"/>
        <source>Retry</source>
        <translation>دوبارہ کوشش کریں</translation>
    </message>
    <message>
        <location filename="../../console/qt_words.py" line="23"/>
        <source>Ignore</source>
        <translation>نظرانداز کریں</translation>
    </message>
    <message>
        <location filename="../../console/qt_words.py" line="24"/>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <location filename="../../console/qt_words.py" line="25"/>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <location filename="../../console/qt_words.py" line="26"/>
        <source>Discard</source>
        <translation>رد کریں</translation>
    </message>
    <message>
        <location filename="../../console/qt_words.py" line="27"/>
        <source>Help</source>
        <translation>مدد</translation>
    </message>
    <message>
        <location filename="../../console/qt_words.py" line="28"/>
        <source>Apply</source>
        <translation>لاگو کریں</translation>
    </message>
    <message>
        <location filename="../../console/qt_words.py" line="29"/>
        <source>Reset</source>
        <translation>پہلے جیسا کریں</translation>
    </message>
    <message>
        <location filename="../../console/qt_words.py" line="30"/>
        <source>Restore Defaults</source>
        <translation>اصل ترتیب بحال کریں</translation>
    </message>
</context>
<context>
    <name>QualityFlag</name>
    <message>
        <location filename="../../console/pages/quality.py" line="62"/>
        <source>Survey too short</source>
        <translation>سروے بہت مختصر</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="62"/>
        <source>Survey too long</source>
        <translation>سروے بہت طویل</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="63"/>
        <source>Submitted before started</source>
        <translation>شروع ہونے سے پہلے جمع</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="64"/>
        <source>Geo-tag away from site</source>
        <translation>جغرافیائی نشان مرکز سے دور</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="64"/>
        <source>Address too short</source>
        <translation>پتہ بہت مختصر</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="65"/>
        <source>Address incomplete</source>
        <translation>پتہ نامکمل</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="65"/>
        <source>Small households</source>
        <translation>چھوٹے گھرانے</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="66"/>
        <source>No household members</source>
        <translation>گھرانے میں کوئی فرد نہیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="66"/>
        <source>Assets but no rooms</source>
        <translation>اثاثے مگر کوئی کمرہ نہیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="67"/>
        <source>AC but no fridge</source>
        <translation>اے سی مگر فریج نہیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="67"/>
        <source>Too many rooms</source>
        <translation>بہت زیادہ کمرے</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="68"/>
        <source>Duplicate CNIC</source>
        <translation>دہرا شناختی کارڈ نمبر</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="68"/>
        <source>Duplicate phone</source>
        <translation>دہرا فون نمبر</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="69"/>
        <source>Duplicate address</source>
        <translation>دہرا پتہ</translation>
    </message>
</context>
<context>
    <name>QualityGroup</name>
    <message>
        <location filename="../../console/pages/quality.py" line="53"/>
        <source>Duration</source>
        <translation>دورانیہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="54"/>
        <source>Geo-tag</source>
        <translation>جغرافیائی نشان</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="55"/>
        <source>Address</source>
        <translation>پتہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="56"/>
        <source>Household</source>
        <translation>گھرانہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="57"/>
        <source>Assets</source>
        <translation>اثاثے</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="58"/>
        <source>Duplicates</source>
        <translation>دہرے اندراج</translation>
    </message>
</context>
<context>
    <name>QualityPage</name>
    <message>
        <location filename="../../console/pages/quality.py" line="97"/>
        <location filename="../../console/pages/quality.py" line="207"/>
        <source>Quality</source>
        <translation>معیار</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="99"/>
        <source>Survey quality</source>
        <translation>سروے کا معیار</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="106"/>
        <source>Refresh</source>
        <translation>تازہ کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="111"/>
        <source>Day:</source>
        <translation>دن:</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="143"/>
        <source>Flagged surveys</source>
        <translation>نشان زدہ سروے</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="200"/>
        <source>No registry connection is configured. Quality checks need the survey paradata from the central hub; set [hub] url and api_key in the settings.</source>
        <translation>رجسٹری سے رابطہ ترتیب نہیں دیا گیا۔ معیار کی جانچ کے لیے مرکزی ہب سے سروے کا ڈیٹا درکار ہے؛ ترتیبات میں [hub] url اور api_key درج کریں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="204"/>
        <source>Asking the hub for the surveys of %1…</source>
        <translation>ہب سے %1 کے سروے طلب کیے جا رہے ہیں…</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="246"/>
        <source>The hub cannot be reached, so the survey quality checks are not available right now (%1). The queue keeps working offline; press Refresh to try again.</source>
        <translation>ہب سے رابطہ نہیں ہو سکا، اس لیے سروے کے معیار کی جانچ ابھی دستیاب نہیں (%1)۔ قطار آف لائن کام کرتی رہے گی؛ دوبارہ کوشش کے لیے تازہ کریں دبائیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="264"/>
        <source>survey %1–%2 min, geo-tag within %3 m, address at least %4 characters, household size below %5 × the regional reference</source>
        <translation>سروے %1 تا %2 منٹ، جیو ٹیگ %3 میٹر کے اندر، پتہ کم از کم %4 حروف، گھرانے کا سائز علاقائی حوالے کے %5 گنا سے کم</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="269"/>
        <source>Limits: illustrative defaults (the centre&apos;s policy has not arrived yet)</source>
        <translation>حدیں: مثالی قدریں (ہماری)، کیونکہ مرکز کی پالیسی ابھی موصول نہیں ہوئی</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="271"/>
        <source>Limits from the centre (version %1, received %2)</source>
        <translation>مرکز کی حدیں (ورژن %1، موصول %2)</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="274"/>
        <source>These limits are illustrative, not BISP&apos;s.</source>
        <translation>یہ حدیں مثالی ہیں، بی آئی ایس پی کی نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="277"/>
        <source>Tuned in this console&apos;s [metrics]: %1.</source>
        <translation>اس کنسول کے [metrics] میں بدلی گئی: %1۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="279"/>
        <source>Ignored in this console&apos;s [metrics] (the centre sets them): %1.</source>
        <translation>اس کنسول کے [metrics] میں نظر انداز (یہ مرکز طے کرتا ہے): %1۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="292"/>
        <source>%1 surveys, %2 flagged · typical survey %3 min · average household %4 (reference %5)</source>
        <translation>%1 سروے، %2 نشان زدہ · عام سروے %3 منٹ · اوسط گھرانہ %4 (حوالہ %5)</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="296"/>
        <source>stand out: %1</source>
        <translation>نمایاں: %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="311"/>
        <source>Flagged surveys of %1</source>
        <translation>%1 کے نشان زدہ سروے</translation>
    </message>
    <message>
        <location filename="../../console/pages/quality.py" line="312"/>
        <source>Flagged surveys (all DEOs) — select a DEO above to narrow</source>
        <translation>نشان زدہ سروے (تمام ڈی ای او) — محدود کرنے کے لیے اوپر ڈی ای او منتخب کریں</translation>
    </message>
</context>
<context>
    <name>QualityReason</name>
    <message>
        <location filename="../../console/catalogue.py" line="112"/>
        <source>Submitted {minutes} min before it was started: check the tablet clock.</source>
        <translation>شروع ہونے سے {minutes} منٹ پہلے جمع ہوا: ٹیبلٹ کی گھڑی جانچیں۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="113"/>
        <source>Survey took {minutes} min; under {limit} min (an illustrative limit, not BISP&apos;s) or far below the site&apos;s usual time suggests questions were skipped.</source>
        <translation>سروے میں {minutes} منٹ لگے؛ {limit} منٹ سے کم (یہ حد محض مثال کے طور پر ہے، BISP کی نہیں) یا مرکز کے معمول سے بہت کم وقت بتاتا ہے کہ سوالات چھوڑے گئے۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="114"/>
        <source>Survey took {minutes} min (site typical {typical} min); under {limit} min (an illustrative limit, not BISP&apos;s) or far below the site&apos;s usual time suggests questions were skipped.</source>
        <translation>سروے میں {minutes} منٹ لگے (مرکز کا معمول {typical} منٹ)؛ {limit} منٹ سے کم (یہ حد محض مثال کے طور پر ہے، BISP کی نہیں) یا مرکز کے معمول سے بہت کم وقت بتاتا ہے کہ سوالات چھوڑے گئے۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="115"/>
        <source>Survey took {minutes} min; over {limit} min (an illustrative limit, not BISP&apos;s) or far above the site&apos;s usual time: interrupted or left open?</source>
        <translation>سروے میں {minutes} منٹ لگے؛ {limit} منٹ سے زیادہ (یہ حد محض مثال کے طور پر ہے، BISP کی نہیں) یا مرکز کے معمول سے بہت زیادہ: کیا کام رکا یا سروے کھلا رہ گیا؟</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="116"/>
        <source>Survey took {minutes} min (site typical {typical} min); over {limit} min (an illustrative limit, not BISP&apos;s) or far above the site&apos;s usual time: interrupted or left open?</source>
        <translation>سروے میں {minutes} منٹ لگے (مرکز کا معمول {typical} منٹ)؛ {limit} منٹ سے زیادہ (یہ حد محض مثال کے طور پر ہے، BISP کی نہیں) یا مرکز کے معمول سے بہت زیادہ: کیا کام رکا یا سروے کھلا رہ گیا؟</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="117"/>
        <source>Tablet was {distance} km from the site (illustrative limit {limit} m): the survey may not have been taken at the DRC.</source>
        <translation>ٹیبلٹ مرکز سے {distance} کلومیٹر دور تھا (مثال کے طور پر حد {limit} میٹر): ہو سکتا ہے سروے ڈی آر سی پر نہ ہوا ہو۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="118"/>
        <source>Tablet was {distance} m from the site (illustrative limit {limit} m): the survey may not have been taken at the DRC.</source>
        <translation>ٹیبلٹ مرکز سے {distance} میٹر دور تھا (مثال کے طور پر حد {limit} میٹر): ہو سکتا ہے سروے ڈی آر سی پر نہ ہوا ہو۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="119"/>
        <source>Address has {chars} characters (illustrative minimum {minimum}): a full address names house/street, village or mohalla, union council and city.</source>
        <translation>پتے میں {chars} حروف ہیں (مثال کے طور پر کم از کم {minimum}): مکمل پتے میں مکان/گلی، گاؤں یا محلہ، یونین کونسل اور شہر ہوتے ہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="120"/>
        <source>Address is missing: {parts}.</source>
        <translation>پتے میں یہ موجود نہیں: {parts}۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="121"/>
        <source>No living room recorded, yet the household owns {owned}: check the rooms answer.</source>
        <translation>رہائشی کمرہ درج نہیں، پھر بھی گھرانے کے پاس {owned} ہے: کمروں کا جواب جانچیں۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="122"/>
        <source>Air conditioner recorded without a fridge: check the appliance answers.</source>
        <translation>فریج کے بغیر ایئر کنڈیشنر درج ہے: گھریلو آلات کے جوابات جانچیں۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="123"/>
        <source>{rooms} rooms for {members} member(s): members may have been left out.</source>
        <translation>{members} افراد کے لیے {rooms} کمرے: ہو سکتا ہے کچھ افراد درج ہونے سے رہ گئے ہوں۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="124"/>
        <source>No household members recorded.</source>
        <translation>گھرانے کا کوئی فرد درج نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="125"/>
        <source>Same CNIC as survey {survey}: possibly registered twice.</source>
        <translation>سروے {survey} والا شناختی کارڈ نمبر: ممکن ہے دو بار اندراج ہوا ہو۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="126"/>
        <source>Same mobile number as survey {survey}: possibly registered twice.</source>
        <translation>سروے {survey} والا موبائل نمبر: ممکن ہے دو بار اندراج ہوا ہو۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="127"/>
        <source>Same address as survey {survey}: possibly registered twice.</source>
        <translation>سروے {survey} والا پتہ: ممکن ہے دو بار اندراج ہوا ہو۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="128"/>
        <source>{who}&apos;s average household today is {average} members against the region&apos;s {reference} (flagged below an illustrative {ratio} x): members may have been left out.</source>
        <translation>آج {who} کا اوسط گھرانہ {average} افراد کا ہے جبکہ علاقے کا {reference} ہے ({ratio} گنا سے کم پر نشان، یہ حد محض مثال کے طور پر ہے): ہو سکتا ہے کچھ افراد درج ہونے سے رہ گئے ہوں۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="129"/>
        <source>The site&apos;s average household today is {average} members against the region&apos;s {reference} (flagged below an illustrative {ratio} x): members may have been left out.</source>
        <translation>آج مرکز کا اوسط گھرانہ {average} افراد کا ہے جبکہ علاقے کا {reference} ہے ({ratio} گنا سے کم پر نشان، یہ حد محض مثال کے طور پر ہے): ہو سکتا ہے کچھ افراد درج ہونے سے رہ گئے ہوں۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="130"/>
        <source>flags {value} of surveys (site DEOs typically {typical})</source>
        <translation>{value} سروے پر نشان (مرکز کے ڈی ای او عموماً {typical})</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="131"/>
        <source>median survey {value} min (site DEOs typically {typical} min)</source>
        <translation>سروے کا وسطانیہ {value} منٹ (مرکز کے ڈی ای او عموماً {typical} منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="132"/>
        <source>average household {value} (site DEOs typically {typical})</source>
        <translation>اوسط گھرانہ {value} (مرکز کے ڈی ای او عموماً {typical})</translation>
    </message>
</context>
<context>
    <name>QualityWord</name>
    <message>
        <location filename="../../console/catalogue.py" line="133"/>
        <source>house/street</source>
        <translation>مکان/گلی</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="134"/>
        <source>village/mohalla</source>
        <translation>گاؤں/محلہ</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="135"/>
        <source>union council</source>
        <translation>یونین کونسل</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="136"/>
        <source>city</source>
        <translation>شہر</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="137"/>
        <source>land</source>
        <translation>زمین</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="138"/>
        <source>livestock</source>
        <translation>مویشی</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="139"/>
        <source>a car</source>
        <translation>گاڑی</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="140"/>
        <source>an AC</source>
        <translation>ایئر کنڈیشنر</translation>
    </message>
</context>
<context>
    <name>QueueEvents</name>
    <message>
        <location filename="../../console/adapter.py" line="64"/>
        <source>Changes from other consoles</source>
        <translation>دوسرے کنسولز کی تبدیلیاں</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../console/pages/queue.py" line="131"/>
        <source>Transfer…  (F4)</source>
        <translation>منتقل کریں…  (F4)</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="82"/>
        <source>Priority</source>
        <translation>ترجیح</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="88"/>
        <source>Issue token  (F2)</source>
        <translation>ٹوکن جاری کریں  (F2)</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="102"/>
        <source>Update type</source>
        <translation>اپڈیٹ کی قسم</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="113"/>
        <source>Issue a token</source>
        <translation>ٹوکن جاری کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="126"/>
        <source>Waiting</source>
        <translation>منتظر</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="132"/>
        <location filename="../../console/pages/queue.py" line="376"/>
        <source>Cancel token</source>
        <translation>ٹوکن منسوخ کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="133"/>
        <source>Reprint slip</source>
        <translation>پرچی دوبارہ چھاپیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="180"/>
        <location filename="../../console/pages/queue.py" line="349"/>
        <source>Queue</source>
        <translation>قطار</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="262"/>
        <source>Waiting: %1</source>
        <translation>منتظر: %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="267"/>
        <source>%1 ≈ %2 min</source>
        <translation>%1 ≈ %2 منٹ</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="269"/>
        <source>Estimated wait for a new token: </source>
        <translation>نئے ٹوکن کا متوقع انتظار: </translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="304"/>
        <source>Unverified</source>
        <translation>غیر تصدیق شدہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="305"/>
        <source>Verified</source>
        <translation>تصدیق شدہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="305"/>
        <source>Not in registry</source>
        <translation>رجسٹری میں نہیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="306"/>
        <source>Mismatch</source>
        <translation>عدم مطابقت</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="306"/>
        <source>Blocked</source>
        <translation>بلاک شدہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="310"/>
        <source>Printing…</source>
        <translation>چھپ رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="310"/>
        <source>Printed</source>
        <translation>چھپ گئی</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="311"/>
        <source>NOT PRINTED</source>
        <translation>نہیں چھپی</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="318"/>
        <source>Could not complete the action: %1</source>
        <translation>کارروائی مکمل نہ ہو سکی: %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="354"/>
        <source>Nobody is waiting for this counter&apos;s update types.</source>
        <translation>اس کاؤنٹر کی اقسام کے لیے کوئی منتظر نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="377"/>
        <source>Cancel token %1? The visitor loses this place.</source>
        <translation>ٹوکن %1 منسوخ کریں؟ سائل کی باری ختم ہو جائے گی۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/queue.py" line="386"/>
        <source>No printer is configured.</source>
        <translation>کوئی پرنٹر ترتیب نہیں دیا گیا۔</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../console/names.py" line="65"/>
        <source>Not in the registry: a full survey registers the household.</source>
        <translation>رجسٹری میں نہیں: مکمل سروے سے گھرانہ رجسٹر ہو گا۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="66"/>
        <source>Already in the registry; a missed-out survey is only for new households.</source>
        <translation>پہلے سے رجسٹری میں ہے؛ رہ جانے والے گھرانے کا اندراج صرف نئے گھرانوں کے لیے ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="67"/>
        <source>Registered household: members, marital status, disability, contact or address can be updated.</source>
        <translation>رجسٹرڈ گھرانہ: افراد، ازدواجی حیثیت، معذوری، رابطہ یا پتہ بدلا جا سکتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="68"/>
        <source>Not in the registry: register the household first (missed-out survey).</source>
        <translation>رجسٹری میں نہیں: پہلے گھرانہ رجسٹر کریں (رہ جانے والے گھرانے کا اندراج)۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="69"/>
        <source>Lives in {area}, a notified shock area: complete re-survey.</source>
        <translation>{area} میں رہائش، جو اعلان شدہ آفت زدہ علاقہ ہے: مکمل دوبارہ سروے۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="70"/>
        <source>{area} is not under a shock notification.</source>
        <translation>{area} آفت زدہ علاقے کے اعلان میں شامل نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="71"/>
        <source>Appeals against the cut-off are not launched (switched off by policy).</source>
        <translation>اہلیت کے فیصلے کے خلاف اپیل شروع نہیں ہوئی (پالیسی کے تحت بند)۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="72"/>
        <source>Score {score} is above the cut-off {cut_off} but within the appeal limit {limit}.</source>
        <translation>اسکور {score} کٹ آف {cut_off} سے زیادہ مگر اپیل کی حد {limit} کے اندر ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="73"/>
        <source>Already a beneficiary (score {score} at or below the cut-off {cut_off}); nothing to appeal.</source>
        <translation>پہلے سے مستحق (اسکور {score}، کٹ آف {cut_off} کے برابر یا کم)؛ اپیل کی ضرورت نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="74"/>
        <source>Score {score} is above the appeal limit {limit}.</source>
        <translation>اسکور {score} اپیل کی حد {limit} سے زیادہ ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="75"/>
        <source>The registry holds no poverty score for this household.</source>
        <translation>رجسٹری میں اس گھرانے کا پی ایم ٹی اسکور موجود نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="76"/>
        <source>Non-beneficiary (score {score} above {cut_off}); last survey {last} is {years} or more years ago.</source>
        <translation>غیر مستحق (اسکور {score}، کٹ آف {cut_off} سے زیادہ)؛ آخری سروے ({last}) کو {years} سال یا اس سے زیادہ ہو چکے ہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="77"/>
        <source>Last survey {last}: a cyclic update is allowed from {when}.</source>
        <translation>آخری سروے ({last}): دوبارہ سروے {when} سے ممکن ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="78"/>
        <source>Beneficiary (score {score} at or below {cut_off}): recertification applies, not a cyclic update.</source>
        <translation>مستحق (اسکور {score}، کٹ آف {cut_off} کے برابر یا کم): دوبارہ سروے نہیں بلکہ دوبارہ تصدیق لاگو ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="79"/>
        <source>Beneficiary (score {score} at or below {cut_off}); last survey {last} is {years} or more years ago.</source>
        <translation>مستحق (اسکور {score}، کٹ آف {cut_off} کے برابر یا کم)؛ آخری سروے ({last}) کو {years} سال یا اس سے زیادہ ہو چکے ہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="80"/>
        <source>Last survey {last}: recertification is due from {when}.</source>
        <translation>آخری سروے ({last}): دوبارہ تصدیق {when} سے واجب ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="81"/>
        <source>Not a beneficiary (score {score} above {cut_off}); recertification is for beneficiaries.</source>
        <translation>غیر مستحق (اسکور {score}، کٹ آف {cut_off} سے زیادہ)؛ دوبارہ تصدیق صرف مستحقین کے لیے ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="82"/>
        <source>The identity authority has blocked this CNIC: send the visitor to the supervisor.</source>
        <translation>نادرا نے یہ شناختی کارڈ نمبر بلاک کیا ہے: سائل کو سپروائزر کے پاس بھیجیں۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="83"/>
        <source>The registry holds no last survey date, so the period cannot have run; a re-survey is allowed.</source>
        <translation>رجسٹری میں آخری سروے کی تاریخ موجود نہیں؛ دوبارہ سروے کی اجازت ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="84"/>
        <source>NADRA does not know this CNIC: check the card for a typo; no household can be registered on it.</source>
        <translation>نادرا کے پاس یہ شناختی کارڈ نمبر نہیں: کارڈ سے نمبر دوبارہ ملائیں؛ اس نمبر پر کسی گھرانے کا اندراج نہیں ہو سکتا۔</translation>
    </message>
</context>
<context>
    <name>ReconcilePanel</name>
    <message>
        <location filename="../../console/pages/reconcile_panel.py" line="45"/>
        <source>Reconciliation</source>
        <translation>مطابقت</translation>
    </message>
    <message>
        <location filename="../../console/pages/reconcile_panel.py" line="46"/>
        <source>Tokens and surveys</source>
        <translation>ٹوکن اور سروے</translation>
    </message>
    <message>
        <location filename="../../console/pages/reconcile_panel.py" line="52"/>
        <source> h</source>
        <translation> گھنٹے</translation>
    </message>
    <message>
        <location filename="../../console/pages/reconcile_panel.py" line="53"/>
        <source>A completed token counts as missing its survey only this many hours after completion (tablets may upload later).</source>
        <translation>مکمل ٹوکن کا سروے مکمل ہونے کے اتنے گھنٹے بعد ہی غائب شمار ہوتا ہے (ٹیبلٹ بعد میں بھی بھیج سکتے ہیں)۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/reconcile_panel.py" line="58"/>
        <source>No survey after:</source>
        <translation>اتنی دیر بعد بھی سروے نہیں:</translation>
    </message>
    <message>
        <location filename="../../console/pages/reconcile_panel.py" line="63"/>
        <source>Token</source>
        <translation>ٹوکن</translation>
    </message>
    <message>
        <location filename="../../console/pages/reconcile_panel.py" line="63"/>
        <location filename="../../console/pages/reconcile_panel.py" line="65"/>
        <source>DEO</source>
        <translation>ڈی ای او</translation>
    </message>
    <message>
        <location filename="../../console/pages/reconcile_panel.py" line="63"/>
        <source>Completed at</source>
        <translation>مکمل ہونے کا وقت</translation>
    </message>
    <message>
        <location filename="../../console/pages/reconcile_panel.py" line="64"/>
        <source>Hours since</source>
        <translation>گزرے گھنٹے</translation>
    </message>
    <message>
        <location filename="../../console/pages/reconcile_panel.py" line="65"/>
        <source>Survey</source>
        <translation>سروے</translation>
    </message>
    <message>
        <location filename="../../console/pages/reconcile_panel.py" line="65"/>
        <source>Submitted at</source>
        <translation>جمع کرانے کا وقت</translation>
    </message>
    <message>
        <location filename="../../console/pages/reconcile_panel.py" line="67"/>
        <source>Completed tokens with no survey</source>
        <translation>مکمل ٹوکن جن کا سروے نہیں آیا</translation>
    </message>
    <message>
        <location filename="../../console/pages/reconcile_panel.py" line="68"/>
        <source>Surveys with no token</source>
        <translation>سروے جن کا کوئی ٹوکن نہیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/reconcile_panel.py" line="88"/>
        <source>Asking the hub…</source>
        <translation>ہب سے پوچھا جا رہا ہے…</translation>
    </message>
    <message>
        <location filename="../../console/pages/reconcile_panel.py" line="100"/>
        <source>The reconciliation is not available right now (%1).</source>
        <translation>مطابقت کی فہرست ابھی دستیاب نہیں (%1)۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/reconcile_panel.py" line="112"/>
        <source>%1 completed tokens, %2 surveys (%3 linked to a token). %4 tokens have no survey after %5 hours; %6 surveys name no token.</source>
        <translation>%1 مکمل ٹوکن، %2 سروے (%3 کسی ٹوکن سے منسلک)۔ %4 ٹوکن کا %5 گھنٹے بعد بھی سروے نہیں؛ %6 سروے کسی ٹوکن کا حوالہ نہیں دیتے۔</translation>
    </message>
</context>
<context>
    <name>RegionPage</name>
    <message>
        <location filename="../../console/pages/region.py" line="47"/>
        <source>%1 min</source>
        <translation>%1 منٹ</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="49"/>
        <source>%1 h %2 min</source>
        <translation>%1 گھنٹے %2 منٹ</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="50"/>
        <source>%1 days</source>
        <translation>%1 دن</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="56"/>
        <source>The start date is after the end date.</source>
        <translation>شروع کی تاریخ آخری تاریخ کے بعد ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="58"/>
        <source>The range is too long: at most 400 days can be shown at once.</source>
        <translation>مدت بہت طویل ہے: ایک وقت میں زیادہ سے زیادہ 400 دن دکھائے جا سکتے ہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="60"/>
        <source>This console&apos;s hub key may not read that region.</source>
        <translation>اس کنسول کی ہب کلید اس علاقے کے اعداد و شمار نہیں پڑھ سکتی۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="63"/>
        <source>The hub refused the question: %1</source>
        <translation>ہب نے درخواست رد کر دی: %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="90"/>
        <source>All regions</source>
        <translation>تمام علاقے</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="94"/>
        <location filename="../../console/pages/region.py" line="278"/>
        <location filename="../../console/pages/region.py" line="350"/>
        <source>All districts</source>
        <translation>تمام اضلاع</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="98"/>
        <source>Range</source>
        <translation>مدت</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="104"/>
        <source>Refresh</source>
        <translation>تازہ کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="142"/>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <location filename="../../console/region_views.py" line="37"/>
        <source>Issued</source>
        <translation>جاری شدہ</translation>
    </message>
    <message>
        <location filename="../../console/region_views.py" line="34"/>
        <source>Median wait (min)</source>
        <translation>انتظار کا وسطانیہ (منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/region_views.py" line="35"/>
        <source>Service level</source>
        <translation>مقررہ وقت میں بلائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/region_views.py" line="33"/>
        <source>Served per day</source>
        <translation>یومیہ نمٹائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/region_views.py" line="38"/>
        <source>Flagged</source>
        <translation>نشان زدہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="121"/>
        <location filename="../../console/pages/region.py" line="123"/>
        <location filename="../../console/pages/region.py" line="142"/>
        <location filename="../../console/pages/region.py" line="318"/>
        <source>Region</source>
        <translation>علاقہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="138"/>
        <source>No hub is configured: regional figures need [hub] url and a regional key.</source>
        <translation>کوئی ہب ترتیب نہیں دیا گیا: علاقائی اعداد و شمار کے لیے [hub] url اور علاقائی کلید درکار ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="143"/>
        <source>Period</source>
        <translation>مدت</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="143"/>
        <source>From</source>
        <translation>سے</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="143"/>
        <source>To</source>
        <translation>تک</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="182"/>
        <source>Loading…</source>
        <translation>لوڈ ہو رہا ہے…</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="212"/>
        <source>%1 sites, %2 silent, %3 to %4.</source>
        <translation>%1 مراکز، %2 خاموش، %3 تا %4۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="236"/>
        <source>The hub cannot be reached and no earlier answer to this question is stored.</source>
        <translation>ہب سے رابطہ نہیں ہو سکا اور اس سوال کا کوئی پچھلا جواب محفوظ نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="237"/>
        <source>The regional figures could not be loaded: %1</source>
        <translation>علاقائی اعداد و شمار لوڈ نہیں ہو سکے: %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="260"/>
        <source>From the hub at %1.</source>
        <translation>ہب سے، %1 بجے۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="262"/>
        <source>The hub cannot be reached: these figures are the stored answer of %1 (%2 old).</source>
        <translation>ہب سے رابطہ نہیں ہو سکا: یہ اعداد و شمار %1 کا محفوظ جواب ہیں (%2 پرانے)۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="267"/>
        <source>never</source>
        <translation>کبھی نہیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="108"/>
        <source>Export report…</source>
        <translation>رپورٹ محفوظ کریں…</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="302"/>
        <source>Export the regional report</source>
        <translation>علاقائی رپورٹ محفوظ کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="316"/>
        <source>Writing the report to %1…</source>
        <translation>رپورٹ %1 میں لکھی جا رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="323"/>
        <source>The report was written to %1.</source>
        <translation>رپورٹ %1 میں لکھ دی گئی۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/region.py" line="330"/>
        <source>The report could not be written: %1</source>
        <translation>رپورٹ نہیں لکھی جا سکی: %1</translation>
    </message>
    <message>
        <location filename="../../console/region_views.py" line="36"/>
        <source>No-show rate</source>
        <translation>غیر حاضری کی شرح</translation>
    </message>
</context>
<context>
    <name>RegionPanels</name>
    <message>
        <location filename="../../console/pages/region_panels.py" line="44"/>
        <location filename="../../console/pages/region_panels.py" line="48"/>
        <location filename="../../console/pages/region_panels.py" line="51"/>
        <source>Site</source>
        <translation>مرکز</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="44"/>
        <location filename="../../console/pages/region_panels.py" line="48"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="44"/>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="44"/>
        <source>Issued</source>
        <translation>جاری شدہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="44"/>
        <location filename="../../console/pages/region_panels.py" line="51"/>
        <source>Served</source>
        <translation>نمٹائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="44"/>
        <source>No-show</source>
        <translation>غیر حاضر</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="45"/>
        <source>Median wait (min)</source>
        <translation>انتظار کا وسطانیہ (منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="45"/>
        <source>Service level</source>
        <translation>مقررہ وقت میں بلائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="45"/>
        <location filename="../../console/pages/region_panels.py" line="48"/>
        <location filename="../../console/pages/region_panels.py" line="51"/>
        <source>Served per day</source>
        <translation>یومیہ نمٹائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="45"/>
        <source>Flagged</source>
        <translation>نشان زدہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="46"/>
        <source>Silent since</source>
        <translation>خاموش، آخری رابطہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="48"/>
        <source>Region</source>
        <translation>علاقہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="51"/>
        <source>DEO</source>
        <translation>ڈی ای او</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="51"/>
        <source>Active days</source>
        <translation>کام کے دن</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="70"/>
        <location filename="../../console/pages/region_panels.py" line="169"/>
        <source>Sites</source>
        <translation>مراکز</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="73"/>
        <source>Map</source>
        <translation>نقشہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="74"/>
        <source>Trends</source>
        <translation>رجحانات</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="79"/>
        <source>DRCs</source>
        <translation>مراکز (ڈی آر سی)</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="79"/>
        <source>Top 5 sites (served per day)</source>
        <translation>سرفہرست 5 مراکز (یومیہ نمٹائے گئے)</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="80"/>
        <source>Bottom 5 sites (served per day)</source>
        <translation>آخری 5 مراکز (یومیہ نمٹائے گئے)</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="81"/>
        <source>DEOs</source>
        <translation>ڈی ای او</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="81"/>
        <source>Top 5 DEOs (served per active day)</source>
        <translation>سرفہرست 5 ڈی ای او (کام کے فی دن نمٹائے گئے)</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="82"/>
        <source>Bottom 5 DEOs (served per active day)</source>
        <translation>آخری 5 ڈی ای او (کام کے فی دن نمٹائے گئے)</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="173"/>
        <source>Colour by</source>
        <translation>رنگ کی بنیاد</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="208"/>
        <source>silent</source>
        <translation>خاموش</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="211"/>
        <source>Colour: %1, red is worst and green best among reporting sites; grey rings are silent sites. The best and worst five sites are named. Positions are approximate.</source>
        <translation>رنگ: %1؛ رپورٹ کرنے والے مراکز میں سرخ سب سے کمزور اور سبز سب سے بہتر ہے؛ سرمئی دائرے خاموش مراکز ہیں۔ سب سے بہتر اور سب سے کمزور پانچ مراکز کے نام درج ہیں۔ مقامات تقریبی ہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_panels.py" line="215"/>
        <source>%1 sites have no known position and are not drawn.</source>
        <translation>%1 مراکز کا مقام معلوم نہیں، اس لیے وہ نقشے پر نہیں دکھائے گئے۔</translation>
    </message>
</context>
<context>
    <name>RegionViews</name>
    <message>
        <location filename="../../console/region_views.py" line="88"/>
        <source>Served</source>
        <translation>نمٹائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/region_views.py" line="94"/>
        <source>Tokens per day</source>
        <translation>یومیہ ٹوکن</translation>
    </message>
    <message>
        <location filename="../../console/region_views.py" line="94"/>
        <source>Issued</source>
        <translation>جاری شدہ</translation>
    </message>
    <message>
        <location filename="../../console/region_views.py" line="96"/>
        <source>Median wait (min)</source>
        <translation>انتظار کا وسطانیہ (منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/region_views.py" line="96"/>
        <source>min</source>
        <translation>منٹ</translation>
    </message>
    <message>
        <location filename="../../console/region_views.py" line="96"/>
        <source>Median wait</source>
        <translation>انتظار کا وسطانیہ</translation>
    </message>
    <message>
        <location filename="../../console/region_views.py" line="98"/>
        <source>Service level and no-shows (%)</source>
        <translation>مقررہ وقت میں بلائے گئے اور غیر حاضر (%)</translation>
    </message>
    <message>
        <location filename="../../console/region_views.py" line="99"/>
        <source>Service level</source>
        <translation>مقررہ وقت میں بلائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/region_views.py" line="100"/>
        <source>No-show rate</source>
        <translation>غیر حاضری کی شرح</translation>
    </message>
    <message>
        <location filename="../../console/region_views.py" line="101"/>
        <source>Sites reporting (of %1)</source>
        <translation>رپورٹ کرنے والے مراکز (%1 میں سے)</translation>
    </message>
    <message>
        <location filename="../../console/region_views.py" line="102"/>
        <source>Sites reporting</source>
        <translation>رپورٹ کرنے والے مراکز</translation>
    </message>
</context>
<context>
    <name>RegistryAfter</name>
    <message>
        <location filename="../../console/catalogue.py" line="86"/>
        <source>the token will be issued unverified and checked when the network is back</source>
        <translation>ٹوکن بغیر تصدیق جاری ہو گا اور نیٹ ورک بحال ہونے پر خود جانچا جائے گا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="87"/>
        <source>the site keeps working and the upload is retried automatically</source>
        <translation>مرکز کام جاری رکھتا ہے اور اپ لوڈ خود بخود دوبارہ ہو گا</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="88"/>
        <source>try again in a moment</source>
        <translation>تھوڑی دیر بعد دوبارہ کوشش کریں</translation>
    </message>
</context>
<context>
    <name>RegistryProblem</name>
    <message>
        <location filename="../../console/catalogue.py" line="76"/>
        <source>The central registry did not answer within {seconds} s; {after}.</source>
        <translation>مرکزی رجسٹری نے {seconds} سیکنڈ میں جواب نہیں دیا؛ {after}۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="77"/>
        <source>The central registry&apos;s TLS certificate was not accepted ({url}); ask the administrator to check [hub] url and the certificate.</source>
        <translation>مرکزی رجسٹری کا TLS سرٹیفکیٹ قبول نہیں ہوا ({url})؛ منتظم سے کہیں کہ [hub] url اور سرٹیفکیٹ جانچے۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="78"/>
        <source>The central registry cannot be reached ({host}); check the network; {after}.</source>
        <translation>مرکزی رجسٹری سے رابطہ نہیں ہو سکا ({host})؛ نیٹ ورک جانچیں؛ {after}۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="79"/>
        <source>The call to the central registry failed ({error}); {after}.</source>
        <translation>مرکزی رجسٹری سے رابطہ ناکام ہو گیا ({error})؛ {after}۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="80"/>
        <source>The central registry has a problem (HTTP {status}{detail}); {after}.</source>
        <translation>مرکزی رجسٹری میں خرابی ہے (HTTP {status}{detail})؛ {after}۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="81"/>
        <source>The central registry refused this site&apos;s API key (HTTP {status}); ask the administrator to check [hub] api_key in the configuration.</source>
        <translation>مرکزی رجسٹری نے اس سائٹ کی کلید مسترد کر دی (HTTP {status})؛ منتظم سے کہیں کہ ترتیبات میں [hub] api_key جانچے۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="82"/>
        <source>The central registry rejected the request (HTTP {status}{detail}).</source>
        <translation>مرکزی رجسٹری نے درخواست رد کر دی (HTTP {status}{detail})۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="83"/>
        <source>The central registry sent an unreadable answer (not JSON, HTTP {status}) to {call}; report it to the registry team; {after}.</source>
        <translation>مرکزی رجسٹری نے {call} کا ناقابلِ فہم جواب بھیجا (JSON نہیں، HTTP {status})؛ رجسٹری ٹیم کو اطلاع دیں؛ {after}۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="84"/>
        <source>The central registry&apos;s answer does not match the agreed contract ({shape}: {where}); report it to the registry team; {after}.</source>
        <translation>مرکزی رجسٹری کا جواب طے شدہ معاہدے کے مطابق نہیں ({shape}: {where})؛ رجسٹری ٹیم کو اطلاع دیں؛ {after}۔</translation>
    </message>
    <message>
        <location filename="../../console/catalogue.py" line="85"/>
        <source>No central registry is configured ([hub] url); pick the update type by hand.</source>
        <translation>کوئی مرکزی رجسٹری ترتیب نہیں دی گئی ([hub] url)؛ اپ ڈیٹ کی قسم ہاتھ سے چنیں۔</translation>
    </message>
</context>
<context>
    <name>Relation</name>
    <message>
        <location filename="../../console/names.py" line="143"/>
        <source>Head</source>
        <translation>سربراہ</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="144"/>
        <source>Spouse</source>
        <translation>شریکِ حیات</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="145"/>
        <source>Son</source>
        <translation>بیٹا</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="146"/>
        <source>Daughter</source>
        <translation>بیٹی</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="147"/>
        <source>Father</source>
        <translation>والد</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="148"/>
        <source>Mother</source>
        <translation>والدہ</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="149"/>
        <source>Other</source>
        <translation>دیگر</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <location filename="../../console/report_pdf.py" line="303"/>
        <source>%1 issued</source>
        <translation>%1 جاری شدہ</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="304"/>
        <source>%1 visitors</source>
        <translation>%1 سائلین</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="305"/>
        <source>Calls</source>
        <translation>بلاوے</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="306"/>
        <source>DEO</source>
        <translation>ڈی ای او</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="307"/>
        <source>DRC daily site report</source>
        <translation>ڈی آر سی مرکز کی روزانہ رپورٹ</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="308"/>
        <source>Explanation</source>
        <translation>وضاحت</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="309"/>
        <source>Flag rate</source>
        <translation>نشان کی شرح</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="310"/>
        <source>Flag</source>
        <translation>نشان</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="311"/>
        <source>Hour</source>
        <translation>گھنٹہ</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="312"/>
        <source>Issued 7-day avg</source>
        <translation>جاری شدہ، 7 دن کی اوسط</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="313"/>
        <source>Issued</source>
        <translation>جاری شدہ</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="314"/>
        <source>Issued, 7-day avg</source>
        <translation>جاری شدہ، 7 دن کی اوسط</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="315"/>
        <source>Median service</source>
        <translation>خدمت کے وقت کا وسطانیہ</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="316"/>
        <source>Median wait (min)</source>
        <translation>انتظار کا وسطانیہ (منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="317"/>
        <source>Median wait by hour of call (minutes)</source>
        <translation>بلانے کے گھنٹے کے لحاظ سے انتظار کا وسطانیہ (منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="318"/>
        <source>Median wait</source>
        <translation>انتظار کا وسطانیہ</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="319"/>
        <source>No flags.</source>
        <translation>کوئی نشان نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="320"/>
        <source>No tokens this day.</source>
        <translation>اس دن کوئی ٹوکن نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="321"/>
        <source>No-show</source>
        <translation>غیر حاضر</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="322"/>
        <source>Nobody was served this day.</source>
        <translation>اس دن کسی کو نہیں نمٹایا گیا۔</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="323"/>
        <source>Operators (DEOs)</source>
        <translation>آپریٹر (ڈی ای او)</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="324"/>
        <source>Outlier</source>
        <translation>غیر معمولی</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="325"/>
        <source>Quality checks: %1 surveys, %2 flagged.</source>
        <translation>معیار کی جانچ: %1 سروے، %2 نشان زدہ۔</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="326"/>
        <source>Quality checks: not included. </source>
        <translation>معیار کی جانچ: شامل نہیں۔ </translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="327"/>
        <source>Quality flags</source>
        <translation>معیار کے نشانات</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="328"/>
        <source>Served 7-day avg</source>
        <translation>نمٹائے گئے، 7 دن کی اوسط</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="329"/>
        <source>Served per DEO</source>
        <translation>فی ڈی ای او نمٹائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="330"/>
        <source>Served</source>
        <translation>نمٹائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="331"/>
        <source>Served, 7-day avg</source>
        <translation>نمٹائے گئے، 7 دن کی اوسط</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="332"/>
        <source>Service level</source>
        <translation>مقررہ وقت میں بلائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="333"/>
        <source>Survey</source>
        <translation>سروے</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="334"/>
        <source>Surveys</source>
        <translation>سروے</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="335"/>
        <source>Tokens per hour</source>
        <translation>فی گھنٹہ ٹوکن</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="336"/>
        <source>Tokens per hour: today and the 7-day average</source>
        <translation>فی گھنٹہ ٹوکن: آج اور 7 دن کی اوسط</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="337"/>
        <source>Update type</source>
        <translation>اپڈیٹ کی قسم</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="338"/>
        <source>Update types</source>
        <translation>اپڈیٹ کی اقسام</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="339"/>
        <source>Waiting</source>
        <translation>منتظر</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="340"/>
        <source>called within %1 min</source>
        <translation>%1 منٹ کے اندر بلائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="341"/>
        <source>generated %1</source>
        <translation>تیار %1</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="342"/>
        <source>min</source>
        <translation>منٹ</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="343"/>
        <source>p90 %1</source>
        <translation>p90 %1</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="344"/>
        <source>p90 wait</source>
        <translation>انتظار p90</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="345"/>
        <source>peak hour %1</source>
        <translation>مصروف ترین گھنٹہ %1</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="346"/>
        <source>site</source>
        <translation>مرکز</translation>
    </message>
    <message>
        <location filename="../../console/report_pdf.py" line="347"/>
        <source>yes</source>
        <translation>ہاں</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="98"/>
        <source>The last 30 days</source>
        <translation>گزشتہ 30 دن</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="99"/>
        <source>Last 7 days: %1 served per open day on average (%2 open days).</source>
        <translation>گزشتہ 7 دن: ہر کھلے دن اوسطاً %1 نمٹائے گئے (%2 کھلے دن)۔</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="100"/>
        <source>Day</source>
        <translation>دن</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="101"/>
        <source>No tokens in these days.</source>
        <translation>ان دنوں میں کوئی ٹوکن نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="102"/>
        <source>Network: hub reachability and unverified tokens</source>
        <translation>نیٹ ورک: ہب سے رابطہ اور غیر تصدیق شدہ ٹوکن</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="103"/>
        <source>Hours with the hub offline: %1.</source>
        <translation>جن گھنٹوں میں ہب سے رابطہ نہیں تھا: %1۔</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="104"/>
        <source>none</source>
        <translation>کوئی نہیں</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="105"/>
        <source>Unverified tokens</source>
        <translation>غیر تصدیق شدہ ٹوکن</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="106"/>
        <source>Hub</source>
        <translation>ہب</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="107"/>
        <source>offline</source>
        <translation>رابطہ منقطع</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="108"/>
        <source>online</source>
        <translation>رابطہ قائم</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="109"/>
        <source>Every token was checked with the registry when it was issued.</source>
        <translation>ہر ٹوکن جاری ہوتے وقت رجسٹری سے جانچا گیا۔</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="110"/>
        <source>Counter utilisation</source>
        <translation>کاؤنٹروں کا استعمال</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="111"/>
        <source>Counter</source>
        <translation>کاؤنٹر</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="112"/>
        <source>Serving (min)</source>
        <translation>خدمت (منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="113"/>
        <source>Break (min)</source>
        <translation>وقفہ (منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="114"/>
        <source>Idle (min)</source>
        <translation>فارغ (منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="115"/>
        <source>Serving share</source>
        <translation>خدمت کا حصہ</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="116"/>
        <source>No counters.</source>
        <translation>کوئی کاؤنٹر نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="117"/>
        <source>The wait promise: slip estimate against the real wait</source>
        <translation>انتظار کا وعدہ: پرچی کا اندازہ بمقابلہ اصل انتظار</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="118"/>
        <source>Called tokens</source>
        <translation>بلائے گئے ٹوکن</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="119"/>
        <source>Median error (min)</source>
        <translation>فرق کا وسطانیہ (منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="120"/>
        <source>Waited longer</source>
        <translation>وعدے سے زیادہ انتظار</translation>
    </message>
    <message>
        <location filename="../../console/report_history.py" line="121"/>
        <source>No called token carried a promise this day.</source>
        <translation>اس دن کسی بلائے گئے ٹوکن کے ساتھ انتظار کا وعدہ درج نہیں تھا۔</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../console/names.py" line="117"/>
        <source>Administrator</source>
        <translation>ایڈمنسٹریٹر</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="118"/>
        <source>Supervisor</source>
        <translation>سپروائزر</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="119"/>
        <source>Triage staff</source>
        <translation>ابتدائی جانچ کا عملہ</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="121"/>
        <source>Regional manager</source>
        <translation>ریجنل مینیجر</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="120"/>
        <source>DEO</source>
        <translation>ڈی ای او</translation>
    </message>
</context>
<context>
    <name>RosterChange</name>
    <message>
        <location filename="../../console/names.py" line="135"/>
        <source>Birth (add a child)</source>
        <translation>پیدائش (بچے کا اندراج)</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="136"/>
        <source>Death (remove a member)</source>
        <translation>وفات (فرد کا اخراج)</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="137"/>
        <source>Marriage</source>
        <translation>شادی</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="138"/>
        <source>Divorce</source>
        <translation>طلاق</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="140"/>
        <source>Gender</source>
        <translation>جنس</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="141"/>
        <source>Contact (phone)</source>
        <translation>رابطہ (فون)</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="139"/>
        <source>Disability</source>
        <translation>معذوری</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="142"/>
        <source>Address</source>
        <translation>پتہ</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../console/session.py" line="30"/>
        <source>Signed in: %1 (%2)</source>
        <translation>داخل: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="45"/>
        <source>Lock / Switch user</source>
        <translation>مقفل کریں / صارف بدلیں</translation>
    </message>
</context>
<context>
    <name>SetupPrinterPage</name>
    <message>
        <location filename="../../console/setup_printer.py" line="37"/>
        <source>Slip printer</source>
        <translation>پرچی پرنٹر</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="38"/>
        <source>Choose a printer found on this PC, or give a network printer&apos;s address.</source>
        <translation>اس کمپیوٹر پر ملا پرنٹر چنیں، یا نیٹ ورک پرنٹر کا پتہ دیں۔</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="40"/>
        <source>Network printer (address below)</source>
        <translation>نیٹ ورک پرنٹر (پتہ نیچے)</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="42"/>
        <source>USB: %1 (%2:%3)</source>
        <translation>یو ایس بی: %1 (%2:%3)</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="45"/>
        <source>CUPS queue: %1</source>
        <translation>CUPS قطار: %1</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="46"/>
        <source>No printer yet: save slips as pictures (preview)</source>
        <translation>ابھی پرنٹر نہیں: پرچیاں تصویر کے طور پر محفوظ کریں (پیش منظر)</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="53"/>
        <source>80 mm (576 dots)</source>
        <translation>80 ملی میٹر (576 ڈاٹس)</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="54"/>
        <source>58 mm (384 dots)</source>
        <translation>58 ملی میٹر (384 ڈاٹس)</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="55"/>
        <source>Check printer</source>
        <translation>پرنٹر جانچیں</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="56"/>
        <source>Print test slip</source>
        <translation>آزمائشی پرچی چھاپیں</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="65"/>
        <source>Printer</source>
        <translation>پرنٹر</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="66"/>
        <source>Network address</source>
        <translation>نیٹ ورک پتہ</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="67"/>
        <source>Port</source>
        <translation>پورٹ</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="68"/>
        <source>Paper</source>
        <translation>کاغذ</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="104"/>
        <source>Asking the printer…</source>
        <translation>پرنٹر سے پوچھا جا رہا ہے…</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="122"/>
        <source>Printing a test slip…</source>
        <translation>آزمائشی پرچی چھپ رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="124"/>
        <source>test slip sent; printer %1</source>
        <translation>آزمائشی پرچی بھیج دی گئی؛ پرنٹر %1</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="129"/>
        <source>Printer: %1</source>
        <translation>پرنٹر: %1</translation>
    </message>
    <message>
        <location filename="../../console/setup_printer.py" line="131"/>
        <source>Printer problem: %1. Check the cable or address, or choose preview and set the printer up later on the Printer page.</source>
        <translation>پرنٹر میں مسئلہ: %1۔ کیبل یا پتہ جانچیں، یا پیش منظر چن کر پرنٹر بعد میں پرنٹر کے صفحے پر ترتیب دیں۔</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../console/setup_wizard.py" line="258"/>
        <source>Set up DRC Console</source>
        <translation>ڈی آر سی کنسول کی ترتیب</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="300"/>
        <source>Writing the configuration and preparing the database…</source>
        <translation>ترتیبات محفوظ اور ڈیٹا بیس تیار ہو رہا ہے…</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="314"/>
        <source>Setup could not finish: %1</source>
        <translation>ترتیب مکمل نہیں ہو سکی: %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../console/login.py" line="71"/>
        <source>Unlock DRC Console</source>
        <translation>ڈی آر سی کنسول کھولیں</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="71"/>
        <source>Sign in to DRC Console</source>
        <translation>ڈی آر سی کنسول میں داخل ہوں</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="74"/>
        <source>The console is locked. Sign in to continue, or type another username to switch user.</source>
        <translation>کنسول مقفل ہے۔ جاری رکھنے کے لیے داخل ہوں، یا صارف بدلنے کے لیے کسی اور کا صارف نام لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="76"/>
        <source>The console was locked after a period without use. Sign in to continue.</source>
        <translation>کچھ دیر استعمال نہ ہونے پر کنسول مقفل ہو گیا۔ جاری رکھنے کے لیے داخل ہوں۔</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="78"/>
        <source>Sign in with your username and PIN or password.</source>
        <translation>اپنے صارف نام اور پن یا پاس ورڈ سے داخل ہوں۔</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="88"/>
        <source>Username</source>
        <translation>صارف نام</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="89"/>
        <source>PIN or password</source>
        <translation>پن یا پاس ورڈ</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="91"/>
        <location filename="../../console/login.py" line="101"/>
        <location filename="../../console/login.py" line="111"/>
        <source>Sign in</source>
        <translation>داخل ہوں</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="117"/>
        <source>Enter your username and PIN.</source>
        <translation>اپنا صارف نام اور پن درج کریں۔</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="148"/>
        <source>Too many wrong attempts. This account is locked until %1.</source>
        <translation>بہت زیادہ غلط کوششیں۔ یہ اکاؤنٹ %1 تک مقفل ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="150"/>
        <source>Wrong username or PIN. Please try again.</source>
        <translation>غلط صارف نام یا پن۔ دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="152"/>
        <source>Could not sign in: %1</source>
        <translation>داخلہ نہ ہو سکا: %1</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="122"/>
        <source>Starting…</source>
        <translation>شروع ہو رہا ہے…</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="112"/>
        <source>The console could not start: %1</source>
        <translation>کنسول شروع نہیں ہو سکا: %1</translation>
    </message>
</context>
<context>
    <name>SiteDrill</name>
    <message>
        <location filename="../../console/pages/region_drill.py" line="37"/>
        <source>Double-click a site (or click it on the map) to see its hours, DEOs and update types.</source>
        <translation>کسی مرکز کے گھنٹے، ڈی ای او اور اپڈیٹ کی اقسام دیکھنے کے لیے اس پر دو بار کلک کریں (یا نقشے پر اس پر کلک کریں)۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="40"/>
        <source>Issued</source>
        <translation>جاری شدہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="40"/>
        <location filename="../../console/pages/region_drill.py" line="46"/>
        <source>Served</source>
        <translation>نمٹائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="40"/>
        <location filename="../../console/pages/region_drill.py" line="46"/>
        <source>No-show</source>
        <translation>غیر حاضر</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="40"/>
        <source>Median wait (min)</source>
        <translation>انتظار کا وسطانیہ (منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="41"/>
        <source>Service level</source>
        <translation>مقررہ وقت میں بلائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="43"/>
        <source>Hour</source>
        <translation>گھنٹہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="44"/>
        <source>Update type</source>
        <translation>اپڈیٹ کی قسم</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="46"/>
        <source>DEO</source>
        <translation>ڈی ای او</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="46"/>
        <source>Called</source>
        <translation>بلائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="47"/>
        <source>Mean service (min)</source>
        <translation>اوسط خدمت کا وقت (منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="49"/>
        <source>Day</source>
        <translation>دن</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="49"/>
        <source>Token</source>
        <translation>ٹوکن</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="49"/>
        <source>Why it was flagged</source>
        <translation>نشان زد کرنے کی وجہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="52"/>
        <source>Hourly</source>
        <translation>فی گھنٹہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="53"/>
        <source>DEOs</source>
        <translation>ڈی ای او</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="54"/>
        <source>Update types</source>
        <translation>اپڈیٹ کی اقسام</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="55"/>
        <source>Quality flags</source>
        <translation>معیار کے نشانات</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="61"/>
        <source>Region</source>
        <translation>علاقہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="68"/>
        <source>Loading %1…</source>
        <translation>%1 لوڈ ہو رہا ہے…</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="83"/>
        <source>%1, %2 to %3: %4 flagged tokens.</source>
        <translation>%1، %2 تا %3: %4 نشان زدہ ٹوکن۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="92"/>
        <source>The hub cannot be reached and this site&apos;s figures are not stored.</source>
        <translation>ہب سے رابطہ نہیں ہو سکا اور اس مرکز کے اعداد و شمار محفوظ نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="94"/>
        <source>The site&apos;s figures could not be loaded: %1</source>
        <translation>مرکز کے اعداد و شمار لوڈ نہیں ہو سکے: %1</translation>
    </message>
    <message>
        <location filename="../../console/pages/region_drill.py" line="46"/>
        <source>Surveys</source>
        <translation>سروے</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <location filename="../../console/setup_wizard.py" line="72"/>
        <source>Site</source>
        <translation>سائٹ</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="73"/>
        <source>Choose the region, district and tehsil, then this DRC.</source>
        <translation>علاقہ، ضلع اور تحصیل چنیں، پھر یہ ڈی آر سی۔</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="77"/>
        <source>Region</source>
        <translation>علاقہ</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="78"/>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="79"/>
        <source>Tehsil</source>
        <translation>تحصیل</translation>
    </message>
    <message>
        <location filename="../../console/setup_wizard.py" line="80"/>
        <source>DRC</source>
        <translation>ڈی آر سی</translation>
    </message>
</context>
<context>
    <name>SlipCheck</name>
    <message>
        <location filename="../../console/slip_check.py" line="20"/>
        <source>The CNIC matches.</source>
        <translation>شناختی کارڈ نمبر مل گیا۔</translation>
    </message>
    <message>
        <location filename="../../console/slip_check.py" line="21"/>
        <source>No CNIC compared.</source>
        <translation>شناختی کارڈ نمبر سے موازنہ نہیں کیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../console/slip_check.py" line="22"/>
        <source>Slip %1 is genuine, for today and still open.</source>
        <translation>پرچی %1 اصلی ہے، آج کی ہے اور ابھی کھلی ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/slip_check.py" line="25"/>
        <source>Not a genuine slip: %1</source>
        <translation>اصلی پرچی نہیں: %1</translation>
    </message>
    <message>
        <location filename="../../console/slip_check.py" line="26"/>
        <source>The slip belongs to another site (%1).</source>
        <translation>یہ پرچی کسی اور مرکز کی ہے (%1)۔</translation>
    </message>
    <message>
        <location filename="../../console/slip_check.py" line="27"/>
        <source>The slip is for another day (%1).</source>
        <translation>یہ پرچی کسی اور دن کی ہے (%1)۔</translation>
    </message>
    <message>
        <location filename="../../console/slip_check.py" line="28"/>
        <source>No token %2 today.</source>
        <translation>آج ٹوکن %2 موجود نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/slip_check.py" line="29"/>
        <source>Token %2 is no longer open.</source>
        <translation>ٹوکن %2 اب کھلا نہیں۔</translation>
    </message>
    <message>
        <location filename="../../console/slip_check.py" line="30"/>
        <source>Slip %2 was issued to someone else: the CNIC does not match.</source>
        <translation>پرچی %2 کسی اور کو جاری ہوئی تھی: شناختی کارڈ نمبر نہیں ملتا۔</translation>
    </message>
    <message>
        <location filename="../../console/slip_check.py" line="85"/>
        <source>Check a slip…</source>
        <translation>پرچی کی جانچ…</translation>
    </message>
</context>
<context>
    <name>SlipCheckDialog</name>
    <message>
        <location filename="../../console/slip_check.py" line="43"/>
        <source>Check a slip</source>
        <translation>پرچی کی جانچ</translation>
    </message>
    <message>
        <location filename="../../console/slip_check.py" line="46"/>
        <source>Scan the slip&apos;s QR code or type it</source>
        <translation>پرچی کا QR کوڈ اسکین کریں یا لکھیں</translation>
    </message>
    <message>
        <location filename="../../console/slip_check.py" line="49"/>
        <source>Visitor&apos;s CNIC (optional)</source>
        <translation>آنے والے کا شناختی کارڈ نمبر (اختیاری)</translation>
    </message>
    <message>
        <location filename="../../console/slip_check.py" line="53"/>
        <source>Check</source>
        <translation>جانچیں</translation>
    </message>
    <message>
        <location filename="../../console/slip_check.py" line="59"/>
        <source>Slip code</source>
        <translation>پرچی کوڈ</translation>
    </message>
    <message>
        <location filename="../../console/slip_check.py" line="60"/>
        <source>CNIC</source>
        <translation>شناختی کارڈ نمبر</translation>
    </message>
    <message>
        <location filename="../../console/slip_check.py" line="79"/>
        <source>The slip could not be checked: %1</source>
        <translation>پرچی کی جانچ نہیں ہو سکی: %1</translation>
    </message>
</context>
<context>
    <name>SlipPreview</name>
    <message>
        <location filename="../../widgets/slip_preview.py" line="16"/>
        <location filename="../../widgets/slip_preview.py" line="49"/>
        <source>No slip printed yet.</source>
        <translation>ابھی کوئی پرچی نہیں چھپی۔</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../console/status.py" line="35"/>
        <location filename="../../console/status.py" line="55"/>
        <source>Registry: not checked</source>
        <translation>رجسٹری: جانچ نہیں ہوئی</translation>
    </message>
    <message>
        <location filename="../../console/status.py" line="37"/>
        <source>Printer: -</source>
        <translation>پرنٹر: -</translation>
    </message>
    <message>
        <location filename="../../console/status.py" line="58"/>
        <source>Registry: online</source>
        <translation>رجسٹری: آن لائن</translation>
    </message>
    <message>
        <location filename="../../console/status.py" line="61"/>
        <source>Registry: OFFLINE</source>
        <translation>رجسٹری: آف لائن</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/status.py" line="66"/>
        <source>Outbox: %n waiting</source>
        <translation>
            <numerusform>آؤٹ باکس: %n منتظر</numerusform>
            <numerusform>آؤٹ باکس: %n منتظر</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/status.py" line="71"/>
        <source>Printer: %1</source>
        <translation>پرنٹر: %1</translation>
    </message>
    <message>
        <location filename="../../console/status.py" line="76"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../console/terminal.py" line="51"/>
        <source>Counter terminal: starting…</source>
        <translation>کاؤنٹر ٹرمینل: شروع ہو رہا ہے…</translation>
    </message>
    <message>
        <location filename="../../console/terminal.py" line="58"/>
        <source>Counter terminal: %1</source>
        <translation>کاؤنٹر ٹرمینل: %1</translation>
    </message>
    <message>
        <location filename="../../console/terminal.py" line="71"/>
        <source>Counter terminal: off</source>
        <translation>کاؤنٹر ٹرمینل: بند</translation>
    </message>
    <message>
        <location filename="../../console/terminal.py" line="59"/>
        <source>DEOs open %1 on their tablet.</source>
        <translation>ڈی ای او اپنے ٹیبلٹ پر %1 کھولیں۔</translation>
    </message>
    <message>
        <location filename="../../console/terminal.py" line="61"/>
        <source>Only this PC can open the terminal. To let tablets on the site LAN in, set [terminal] bind to this PC&apos;s LAN address or 0.0.0.0.</source>
        <translation>ٹرمینل صرف یہی پی سی کھول سکتا ہے۔ سائٹ کے LAN پر ٹیبلٹس کو اجازت دینے کے لیے [terminal] bind میں اس پی سی کا LAN پتہ یا 0.0.0.0 لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../console/terminal.py" line="64"/>
        <source>(this PC only)</source>
        <translation>(صرف یہ پی سی)</translation>
    </message>
    <message>
        <location filename="../../console/terminal.py" line="66"/>
        <source>Certificate fingerprint (SHA-256): %1</source>
        <translation>سرٹیفکیٹ فنگرپرنٹ (SHA-256): %1</translation>
    </message>
    <message>
        <location filename="../../console/terminal.py" line="72"/>
        <source>The counter terminal could not start: %1</source>
        <translation>کاؤنٹر ٹرمینل شروع نہ ہو سکا: %1</translation>
    </message>
</context>
<context>
    <name>StrandedBanner</name>
    <message>
        <location filename="../../console/stranded.py" line="85"/>
        <source>Open a counter for them, or transfer them.</source>
        <translation>ان کے لیے کاؤنٹر کھولیں یا انہیں منتقل کریں۔</translation>
    </message>
    <message>
        <location filename="../../console/stranded.py" line="83"/>
        <source>%1: no open counter with a DEO serves them.</source>
        <translation>%1: ڈی ای او والا کوئی کھلا کاؤنٹر ان کی باری نہیں لے رہا۔</translation>
    </message>
    <message>
        <location filename="../../console/stranded.py" line="134"/>
        <source>%1 tokens transferred.</source>
        <translation>%1 ٹوکن منتقل کر دیے گئے۔</translation>
    </message>
    <message>
        <location filename="../../console/stranded.py" line="114"/>
        <source>%1 tokens wait for %2, which no open counter serves. They keep their place in line. Move them to:</source>
        <translation>%1 ٹوکن %2 کے منتظر ہیں، جو کوئی کھلا کاؤنٹر نہیں کر رہا۔ قطار میں ان کی جگہ برقرار رہے گی۔ انہیں منتقل کریں:</translation>
    </message>
    <message>
        <location filename="../../console/stranded.py" line="110"/>
        <source>No open counter with a DEO serves any other type either: open a counter or assign a DEO first.</source>
        <translation>ڈی ای او والا کوئی کھلا کاؤنٹر کسی اور قسم کی اپ ڈیٹ بھی نہیں کر رہا: پہلے کاؤنٹر کھولیں یا ڈی ای او مقرر کریں۔</translation>
    </message>
    <message>
        <location filename="../../console/stranded.py" line="105"/>
        <source>Transfer waiting tokens</source>
        <translation>منتظر ٹوکن منتقل کریں</translation>
    </message>
    <message>
        <location filename="../../console/stranded.py" line="84"/>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <location filename="../../console/stranded.py" line="81"/>
        <source>%1 waiting for %2</source>
        <translation>%2 کے %1 منتظر</translation>
    </message>
    <message>
        <location filename="../../console/stranded.py" line="54"/>
        <source>Transfer them…  (%1)</source>
        <translation>انہیں منتقل کریں…  (%1)</translation>
    </message>
</context>
<context>
    <name>SurveyReviewBar</name>
    <message>
        <location filename="../../console/pages/survey_review.py" line="32"/>
        <source>Acknowledge flag</source>
        <translation>نشان تسلیم کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/survey_review.py" line="34"/>
        <source>The flag was looked at and the survey stands; recorded at the centre.</source>
        <translation>نشان دیکھ لیا گیا اور سروے برقرار ہے؛ یہ مرکز میں درج ہوتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/survey_review.py" line="35"/>
        <source>Return to DEO…</source>
        <translation>ڈی ای او کو واپس کریں…</translation>
    </message>
    <message>
        <location filename="../../console/pages/survey_review.py" line="37"/>
        <source>Send the survey back to its DEO with a note saying what to fix.</source>
        <translation>سروے ایک نوٹ کے ساتھ اس کے ڈی ای او کو واپس بھیجیں کہ کیا درست کرنا ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/survey_review.py" line="59"/>
        <source>Return to DEO</source>
        <translation>ڈی ای او کو واپس کریں</translation>
    </message>
    <message>
        <location filename="../../console/pages/survey_review.py" line="60"/>
        <source>What should the DEO fix?</source>
        <translation>ڈی ای او کو کیا درست کرنا ہے؟</translation>
    </message>
    <message>
        <location filename="../../console/pages/survey_review.py" line="79"/>
        <source>Survey %1: flag acknowledged.</source>
        <translation>سروے %1: نشان تسلیم کر لیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/survey_review.py" line="80"/>
        <source>Survey %1 returned to its DEO.</source>
        <translation>سروے %1 اس کے ڈی ای او کو واپس کر دیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/survey_review.py" line="87"/>
        <source>The review was not recorded: %1</source>
        <translation>جائزہ درج نہیں ہو سکا: %1</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../console/tasks.py" line="32"/>
        <source>The disk is full: nothing was saved. Free space on this PC, then try again.</source>
        <translation>ڈسک بھر گئی ہے: کچھ محفوظ نہیں ہوا۔ اس کمپیوٹر پر جگہ خالی کریں، پھر دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <location filename="../../console/tasks.py" line="35"/>
        <source>The database is busy (another console is writing): nothing was saved. Try again.</source>
        <translation>ڈیٹا بیس مصروف ہے (دوسرا کنسول لکھ رہا ہے): کچھ محفوظ نہیں ہوا۔ دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <location filename="../../console/tasks.py" line="37"/>
        <source>The database could not be used: %1</source>
        <translation>ڈیٹا بیس استعمال نہ ہو سکا: %1</translation>
    </message>
</context>
<context>
    <name>TokenState</name>
    <message>
        <location filename="../../console/names.py" line="49"/>
        <source>Waiting</source>
        <translation>منتظر</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="50"/>
        <source>Called</source>
        <translation>بلایا گیا</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="51"/>
        <source>In service</source>
        <translation>زیرِ خدمت</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="52"/>
        <source>Completed</source>
        <translation>مکمل</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="53"/>
        <source>No-show</source>
        <translation>غیر حاضر</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="54"/>
        <source>Cancelled</source>
        <translation>منسوخ</translation>
    </message>
</context>
<context>
    <name>TokenTableModel</name>
    <message>
        <location filename="../../widgets/token_table.py" line="34"/>
        <source>Token</source>
        <translation>ٹوکن</translation>
    </message>
    <message>
        <location filename="../../widgets/token_table.py" line="34"/>
        <source>Update type</source>
        <translation>اپڈیٹ کی قسم</translation>
    </message>
    <message>
        <location filename="../../widgets/token_table.py" line="34"/>
        <source>Priority</source>
        <translation>ترجیح</translation>
    </message>
    <message>
        <location filename="../../widgets/token_table.py" line="34"/>
        <source>Waiting</source>
        <translation>منتظر</translation>
    </message>
    <message>
        <location filename="../../widgets/token_table.py" line="35"/>
        <source>Identity</source>
        <translation>شناخت</translation>
    </message>
    <message>
        <location filename="../../widgets/token_table.py" line="35"/>
        <source>Slip</source>
        <translation>پرچی</translation>
    </message>
    <message>
        <location filename="../../widgets/token_table.py" line="45"/>
        <source>%1 min</source>
        <translation>%1 منٹ</translation>
    </message>
</context>
<context>
    <name>TrendView</name>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="41"/>
        <source>Served</source>
        <translation>نمٹائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="41"/>
        <source>Issued</source>
        <translation>جاری شدہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="41"/>
        <source>Median wait (min)</source>
        <translation>انتظار کا وسطانیہ (منٹ)</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="42"/>
        <source>Service level</source>
        <translation>مقررہ وقت میں بلائے گئے</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="42"/>
        <source>No-show rate</source>
        <translation>غیر حاضری کی شرح</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="46"/>
        <source>Last 7 days</source>
        <translation>پچھلے 7 دن</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="47"/>
        <source>Last 30 days</source>
        <translation>پچھلے 30 دن</translation>
    </message>
    <message>
        <location filename="../../console/pages/dashboard_history.py" line="99"/>
        <source>Average over the days with visitors: %1</source>
        <translation>سائلین والے دنوں کی اوسط: %1</translation>
    </message>
</context>
<context>
    <name>TriagePage</name>
    <message>
        <location filename="../../console/pages/triage.py" line="86"/>
        <source>Triage: who is this visitor, and what do they qualify for?</source>
        <translation>ابتدائی جانچ: یہ سائل کون ہے، اور کس کا اہل ہے؟</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="92"/>
        <source>Look up (Enter)</source>
        <translation>تلاش کریں (Enter)</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="98"/>
        <location filename="../../console/pages/triage.py" line="223"/>
        <source>Asking the central registry...</source>
        <translation>مرکزی رجسٹری سے پوچھا جا رہا ہے...</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="101"/>
        <source>CNIC</source>
        <translation>شناختی کارڈ نمبر</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="120"/>
        <location filename="../../console/pages/triage.py" line="349"/>
        <source>Type or scan a CNIC and press Enter.</source>
        <translation>شناختی کارڈ نمبر لکھیں یا اسکین کریں اور Enter دبائیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_types.py" line="19"/>
        <source>Update type</source>
        <translation>اپڈیٹ کی قسم</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_types.py" line="28"/>
        <source>Alt+{n}</source>
        <translation>Alt+{n}</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="132"/>
        <source>Priority</source>
        <translation>ترجیح</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="141"/>
        <source>Issue token (Ctrl+I)</source>
        <translation>ٹوکن جاری کریں (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="224"/>
        <source>Looking up {cnic}...</source>
        <translation>{cnic} تلاش کیا جا رہا ہے...</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="230"/>
        <location filename="../../console/pages/triage.py" line="233"/>
        <source>Triage</source>
        <translation>ابتدائی جانچ</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="248"/>
        <source>The lookup failed: {error}</source>
        <translation>تلاش ناکام: {error}</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="266"/>
        <source>Central registry unreachable - pick the update type by hand; the token will be issued unverified and checked automatically later.</source>
        <translation>مرکزی رجسٹری سے رابطہ نہیں - اپڈیٹ کی قسم خود منتخب کریں؛ ٹوکن غیر تصدیق شدہ جاری ہو گا اور بعد میں خود بخود جانچا جائے گا۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="270"/>
        <source>The central registry gave an answer the console cannot use - pick the update type by hand; the token will be issued unverified and checked automatically later.</source>
        <translation>مرکزی رجسٹری کا جواب قابلِ استعمال نہیں - اپڈیٹ کی قسم خود منتخب کریں؛ ٹوکن غیر تصدیق شدہ جاری ہو گا اور بعد میں خود بخود جانچا جائے گا۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="274"/>
        <source>CNIC {cnic}: not checked with the registry.</source>
        <translation>شناختی کارڈ نمبر {cnic}: رجسٹری سے جانچ نہیں ہوئی۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="280"/>
        <source>Pick by hand if this is what the visitor needs.</source>
        <translation>اگر سائل کو یہی درکار ہے تو خود منتخب کریں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="281"/>
        <source>Not offered: switched off by policy.</source>
        <translation>دستیاب نہیں: پالیسی کے تحت بند ہے۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="306"/>
        <source>[eligible from {date}]</source>
        <translation>[{date} سے اہل]</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="399"/>
        <source>Token {number} issued: {type}.</source>
        <translation>ٹوکن {number} جاری کر دیا گیا: {type}۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="402"/>
        <source>Unverified: it will be checked automatically when the registry answers.</source>
        <translation>غیر تصدیق شدہ: رجسٹری کے جواب پر خود بخود جانچا جائے گا۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="415"/>
        <source>Ready for the next visitor: type or scan a CNIC and press Enter.</source>
        <translation>اگلے سائل کے لیے تیار: شناختی کارڈ نمبر لکھیں یا اسکین کریں اور Enter دبائیں۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage.py" line="424"/>
        <source>The token was not issued: {error}</source>
        <translation>ٹوکن جاری نہیں ہوا: {error}</translation>
    </message>
</context>
<context>
    <name>TriageSummary</name>
    <message>
        <location filename="../../console/pages/triage_summary.py" line="24"/>
        <source>UNKNOWN - NADRA has no such CNIC; check the card for a typo</source>
        <translation>نامعلوم - نادرا کے پاس یہ شناختی کارڈ نمبر نہیں؛ کارڈ سے نمبر دوبارہ ملائیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_summary.py" line="26"/>
        <source>BLOCKED by NADRA - only a supervisor can let this visitor through</source>
        <translation>نادرا کی جانب سے بند - صرف سپروائزر اس سائل کو آگے بھیج سکتے ہیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_summary.py" line="27"/>
        <source>not checked apart from the registry (older central hub)</source>
        <translation>رجسٹری سے الگ جانچ نہیں ہوئی (مرکز کا پرانا نظام)</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_summary.py" line="33"/>
        <source>not registered - no household on record</source>
        <translation>رجسٹری میں نہیں - کوئی گھرانہ درج نہیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_summary.py" line="34"/>
        <source>registered - not a beneficiary</source>
        <translation>رجسٹری میں درج - غیر مستحق</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_summary.py" line="35"/>
        <source>registered - beneficiary</source>
        <translation>رجسٹری میں درج - مستحق</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_summary.py" line="42"/>
        <source>CNIC {cnic}</source>
        <translation>شناختی کارڈ نمبر {cnic}</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_summary.py" line="43"/>
        <source>NADRA identity: {identity}</source>
        <translation>نادرا سے شناخت: {identity}</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_summary.py" line="44"/>
        <source>Registry (NSER): {membership}</source>
        <translation>رجسٹری (این ایس ای آر): {membership}</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_summary.py" line="51"/>
        <source>PMT score {score} - last survey {last}{shock}</source>
        <translation>پی ایم ٹی اسکور {score} - آخری سروے {last}{shock}</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_summary.py" line="57"/>
        <source>No household on record: a missed-out household.</source>
        <translation>کوئی گھرانہ درج نہیں: رہ جانے والے گھرانے کا اندراج۔</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_summary.py" line="23"/>
        <source>verified</source>
        <translation>تصدیق شدہ</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_summary.py" line="25"/>
        <source>MISMATCH - ask for the visitor&apos;s details</source>
        <translation>عدم مطابقت - سائل سے تفصیلات پوچھیں</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_summary.py" line="49"/>
        <source>Household {hid} - family size {n} - {place} ({region})</source>
        <translation>گھرانہ {hid} - افراد {n} - {place} ({region})</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_summary.py" line="53"/>
        <source>unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <location filename="../../console/pages/triage_summary.py" line="54"/>
        <source> - notified shock area</source>
        <translation> - اعلان شدہ آفت زدہ علاقہ</translation>
    </message>
</context>
<context>
    <name>UpdateType</name>
    <message>
        <location filename="../../console/names.py" line="43"/>
        <source>Missed-out household</source>
        <translation>رہ جانے والے گھرانے کا اندراج</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="44"/>
        <source>Roster update</source>
        <translation>خاندانی کوائف میں تبدیلی</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="45"/>
        <source>Shock update</source>
        <translation>آفت زدہ علاقے کا سروے</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="46"/>
        <source>Appeal against cut-off</source>
        <translation>اہلیت کے فیصلے کے خلاف اپیل</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="47"/>
        <source>Cyclic update</source>
        <translation>دوبارہ سروے</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="48"/>
        <source>Recertification</source>
        <translation>دوبارہ تصدیق</translation>
    </message>
</context>
<context>
    <name>UpdateTypeShort</name>
    <message>
        <location filename="../../console/names.py" line="55"/>
        <source>Missed-out</source>
        <translation>رہ جانے والے گھرانے کا اندراج</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="56"/>
        <source>Roster</source>
        <translation>کوائف میں تبدیلی</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="57"/>
        <source>Shock</source>
        <translation>آفت زدہ علاقے کا سروے</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="58"/>
        <source>Appeal</source>
        <translation>اپیل</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="59"/>
        <source>Cyclic</source>
        <translation>دوبارہ سروے</translation>
    </message>
    <message>
        <location filename="../../console/names.py" line="60"/>
        <source>Recert.</source>
        <translation>دوبارہ تصدیق</translation>
    </message>
</context>
<context>
    <name>_LockOverlay</name>
    <message>
        <location filename="../../console/login.py" line="293"/>
        <source>Locked</source>
        <translation>مقفل</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="295"/>
        <source>Unlock…</source>
        <translation>کھولیں…</translation>
    </message>
</context>
</TS>
