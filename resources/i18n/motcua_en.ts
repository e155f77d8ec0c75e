<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>ActionDialog</name>
    <message>
        <source>%1 — hồ sơ %2</source>
        <translation>%1 — dossier %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Hồ sơ %2 — %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Dossier %2 — %3</translation>
    </message>
    <message>
        <source>Xác nhận (Enter)</source>
        <translation>Confirm (Enter)</translation>
    </message>
    <message>
        <source>Bấm Enter để xác nhận, Esc để thôi.</source>
        <translation>Press Enter to confirm, Esc to cancel.</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Đơn vị nhận hồ sơ</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <source>Số hiệu bưu gửi</source>
        <translation>Postal tracking number</translation>
    </message>
    <message>
        <source>Người nhận kết quả</source>
        <translation>Result collected by</translation>
    </message>
    <message>
        <source>Ngày hẹn trả mới</source>
        <translation>New due date</translation>
    </message>
    <message>
        <source>Số biên lai</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>Số tiền đã nộp</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <source>Hình thức nộp</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Giấy tờ cần bổ sung</source>
        <translation>Documents to supplement</translation>
    </message>
    <message>
        <source> đồng</source>
        <translation> VND</translation>
    </message>
    <message>
        <source>Để trống nếu người nộp tự nhận (%1)</source>
        <translation>Leave blank if the applicant collects in person (%1)</translation>
    </message>
    <message>
        <source>Tên giấy tờ[:chính|sao|photo[:số lượng]]; giấy tờ khác …</source>
        <translation>Document name[:chính|sao|photo[:quantity]]; another document …</translation>
    </message>
    <message>
        <source>Các lý do cụ thể, cách nhau bằng dấu ;</source>
        <translation>The specific reasons, separated by ;</translation>
    </message>
</context>
<context>
    <name>AdminTab</name>
    <message>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Hủy thay đổi (Esc)</source>
        <translation>Discard changes (Esc)</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <source>motcua — Quản trị trung tâm</source>
        <translation>motcua — Centre administration</translation>
    </message>
    <message>
        <source>Đăng nhập: %1 (%2)</source>
        <translation>Signed in: %1 (%2)</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu: %1</source>
        <translation>Database: %1</translation>
    </message>
</context>
<context>
    <name>AgencyDialog</name>
    <message>
        <source>Sửa cơ quan</source>
        <translation>Edit agency</translation>
    </message>
    <message>
        <source>Thêm cơ quan</source>
        <translation>Add agency</translation>
    </message>
    <message>
        <source>Sở, ban, ngành</source>
        <translation>Department / agency</translation>
    </message>
    <message>
        <source>Doanh nghiệp dịch vụ công (điện, nước…)</source>
        <translation>Public service company (power, water…)</translation>
    </message>
    <message>
        <source>Người ký Mẫu 04, 05 (xin lỗi, dừng giải quyết)</source>
        <translation>Signer of Forms 04, 05 (apology, processing stopped)</translation>
    </message>
    <message>
        <source>GIÁM ĐỐC</source>
        <translation>DIRECTOR</translation>
    </message>
    <message>
        <source>Mã cơ quan</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <source>Tên cơ quan</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <source>Mã định danh</source>
        <translation>Identifier code</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Thủ trưởng cơ quan</source>
        <translation>Head of agency</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BarChartWidget</name>
    <message>
        <source>Chưa có số liệu</source>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <source>Ngày nghỉ &amp;&amp; giờ làm việc</source>
        <translation>Holidays &amp;&amp; working hours</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Ngày lễ, Tết</source>
        <translation>Public holidays</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Nghỉ</source>
        <translation>Day off</translation>
    </message>
    <message>
        <source>Ngày lễ, Tết theo quy định</source>
        <translation>Statutory public holidays</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Làm việc</source>
        <translation>Working day</translation>
    </message>
    <message>
        <source>Ngày nghỉ, ngày làm việc khác lịch (có lý do)</source>
        <translation>Days off and extra working days (with a reason)</translation>
    </message>
    <message>
        <source>Thêm / sửa ngày</source>
        <translation>Add / edit day</translation>
    </message>
    <message>
        <source>Xóa ngày đã chọn</source>
        <translation>Delete selected day</translation>
    </message>
    <message>
        <source>Giờ làm việc trong ngày</source>
        <translation>Daily working hours</translation>
    </message>
    <message>
        <source>Thêm buổi</source>
        <translation>Add session</translation>
    </message>
    <message>
        <source>Lưu giờ làm việc</source>
        <translation>Save working hours</translation>
    </message>
    <message>
        <source>Đã lưu giờ làm việc.</source>
        <translation>Working hours saved.</translation>
    </message>
    <message>
        <source>Đã lưu ngày %1.</source>
        <translation>Saved day %1.</translation>
    </message>
    <message>
        <source>Đã xóa ngày %1.</source>
        <translation>Deleted day %1.</translation>
    </message>
</context>
<context>
    <name>CatalogueTab</name>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Thời hạn</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>Phí (đồng)</source>
        <translation>Fee (VND)</translation>
    </message>
    <message>
        <source>Danh mục thủ tục</source>
        <translation>Procedure catalogue</translation>
    </message>
    <message>
        <source>Thêm cơ quan</source>
        <translation>Add agency</translation>
    </message>
    <message>
        <source>Sửa cơ quan</source>
        <translation>Edit agency</translation>
    </message>
    <message>
        <source>Tìm thủ tục: gõ có dấu hoặc không dấu (Ctrl+F)</source>
        <translation>Find procedure: type with or without diacritics (Ctrl+F)</translation>
    </message>
    <message>
        <source>Thêm thủ tục (Ctrl+N)</source>
        <translation>Add procedure (Ctrl+N)</translation>
    </message>
    <message>
        <source>Cơ quan (số thủ tục)</source>
        <translation>Agency (procedures)</translation>
    </message>
    <message>
        <source>%1 thủ tục khớp «%2» (mọi cơ quan)</source>
        <translation>%1 procedure(s) match «%2» (all agencies)</translation>
    </message>
    <message>
        <source>%1 thủ tục của %2</source>
        <translation>%1 procedure(s) of %2</translation>
    </message>
    <message>
        <source>Đã lưu thủ tục «%1».</source>
        <translation>Procedure «%1» saved.</translation>
    </message>
    <message>
        <source>Đã lưu cơ quan «%1».</source>
        <translation>Agency «%1» saved.</translation>
    </message>
</context>
<context>
    <name>CounterShift</name>
    <message>
        <source>Quầy số %1</source>
        <translation>Counter %1</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <source>motcua — Quầy số %1</source>
        <translation>motcua — Counter %1</translation>
    </message>
    <message>
        <source>Tra cứu hồ sơ</source>
        <translation>Look up dossier</translation>
    </message>
    <message>
        <source>Hồ sơ đăng ký trực tuyến</source>
        <translation>Online registrations</translation>
    </message>
    <message>
        <source>Bàn phím đánh giá</source>
        <translation>Rating keypad</translation>
    </message>
    <message>
        <source>F8: tra cứu hồ sơ theo mã</source>
        <translation>F8: look up a dossier by code</translation>
    </message>
    <message>
        <source>Shift+F8: hồ sơ đăng ký trực tuyến</source>
        <translation>Shift+F8: online registrations</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Quầy số %1 — %2</source>
        <translation>Counter %1 — %2</translation>
    </message>
    <message>
        <source>Tạm dừng quầy</source>
        <translation>Pause counter</translation>
    </message>
    <message>
        <source>Mở lại quầy</source>
        <translation>Reopen counter</translation>
    </message>
    <message>
        <source>Đóng quầy</source>
        <translation>Close counter</translation>
    </message>
    <message>
        <source>Đăng xuất</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Gọi số tiếp theo</source>
        <translation>Call next number</translation>
    </message>
    <message>
        <source>Gọi lại</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Bắt đầu phục vụ</source>
        <translation>Start serving</translation>
    </message>
    <message>
        <source>Vắng mặt</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Chuyển…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <source>Kết thúc</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Kết thúc và gọi số tiếp theo</source>
        <translation>Finish and call next number</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Receive dossier</translation>
    </message>
    <message>
        <source>Quầy đang tạm dừng: không gọi số. Bấm F10 để mở lại quầy.</source>
        <translation>Counter paused: no numbers are called. Press F10 to reopen it.</translation>
    </message>
    <message>
        <source>Quầy đã đóng. Bấm F10 để mở lại quầy.</source>
        <translation>Counter closed. Press F10 to reopen it.</translation>
    </message>
    <message>
        <source>Bấm F1 hoặc Space để gọi số tiếp theo.</source>
        <translation>Press F1 or Space to call the next number.</translation>
    </message>
    <message>
        <source>Mất kết nối: bấm F1 hoặc Space rồi nhập số in trên phiếu của người dân.</source>
        <translation>Offline: press F1 or Space, then type the number printed on the citizen&apos;s ticket.</translation>
    </message>
    <message>
        <source>KẾT QUẢ ĐÃ SẴN SÀNG ĐỂ TRẢ</source>
        <translation>RESULT READY TO HAND OVER</translation>
    </message>
    <message>
        <source>Chưa có kết quả</source>
        <translation>No result yet</translation>
    </message>
    <message>
        <source> (hẹn trả %1)</source>
        <translation> (due %1)</translation>
    </message>
    <message>
        <source>Trả kết quả hồ sơ %1 — %2
Trạng thái: %3 · %4 · F8 rồi Enter: mở hồ sơ</source>
        <translation>Result return, dossier %1 — %2
Status: %3 · %4 · F8 then Enter: open the dossier</translation>
    </message>
    <message>
        <source>Không có quầy số %1 (hoặc quầy đã ngừng hoạt động); hãy báo quản trị.</source>
        <translation>Counter %1 does not exist (or is inactive); please tell the administrator.</translation>
    </message>
    <message>
        <source>Số %1: công dân đã đánh giá «%2»</source>
        <translation>Number %1: the citizen rated «%2»</translation>
    </message>
    <message>
        <source>Số %1: đang chờ đánh giá trên bàn phím (còn %2 giây)</source>
        <translation>Number %1: waiting for a rating on the keypad (%2 s left)</translation>
    </message>
    <message>
        <source>Số %1: công dân có thể đánh giá (còn %2 giây)</source>
        <translation>Number %1: the citizen may rate (%2 s left)</translation>
    </message>
    <message>
        <source>%1. Các nút tạm khóa cho đến khi kết nối lại; số đang phục vụ vẫn được giữ.</source>
        <translation>%1. Buttons are locked until the connection is restored; the number being served is kept.</translation>
    </message>
    <message>
        <source>Mất kết nối — gọi theo số công dân cầm</source>
        <translation>Connection lost — call by the number the citizen holds</translation>
    </message>
    <message>
        <source>Máy quầy không thấy hàng chờ khi mất kết nối: số người chờ sẽ hiện lại khi có kết nối.</source>
        <translation>The counter cannot see the queue while the connection is lost: the waiting counts come back when it is restored.</translation>
    </message>
    <message>
        <source>Mất kết nối tới máy chủ: quầy làm việc bằng dữ liệu tại máy. Gọi số theo số in trên phiếu (F1), chuyển số (F5), tiếp nhận hồ sơ (F7), thu phí theo mã hồ sơ (F8 hoặc quét phiếu hẹn) như thường; mọi việc được lưu tại máy và đồng bộ khi có kết nối.</source>
        <translation>Connection to the server lost: the counter works from the data on this machine. Call by the number printed on the ticket (F1), transfer (F5), receive dossiers (F7), record fees by dossier code (F8 or scan the receipt) as usual; everything is saved on this machine and synced when the connection is back.</translation>
    </message>
    <message>
        <source>Gọi số theo phiếu</source>
        <translation>Call by ticket number</translation>
    </message>
    <message>
        <source>Mất kết nối tới máy chủ: nhập số in trên phiếu của người dân (ví dụ A012):</source>
        <translation>The server does not answer: type the number printed on the citizen&apos;s ticket (e.g. A012):</translation>
    </message>
    <message>
        <source>Đã kết thúc số %1 (lưu tại máy).</source>
        <translation>Number %1 finished (saved locally).</translation>
    </message>
    <message>
        <source>Số %1 được ghi vắng mặt (lưu tại máy).</source>
        <translation>Number %1 marked absent (saved locally).</translation>
    </message>
    <message>
        <source>Đã chuyển số %1 (lưu tại máy); số sẽ chờ tại dịch vụ mới khi có kết nối.</source>
        <translation>Ticket %1 transferred (saved on this machine); it will wait in the new service once the connection is back.</translation>
    </message>
    <message>
        <source>Đã kết thúc số %1.</source>
        <translation>Number %1 finished.</translation>
    </message>
    <message>
        <source>, quầy số %1</source>
        <translation>, counter %1</translation>
    </message>
    <message>
        <source>Đã chuyển số %1 sang %2. Bấm F1 để gọi số tiếp theo.</source>
        <translation>Number %1 transferred to %2. Press F1 to call the next number.</translation>
    </message>
    <message>
        <source>Đã kết thúc số %1. Bấm F1 để gọi số tiếp theo.</source>
        <translation>Number %1 finished. Press F1 to call the next number.</translation>
    </message>
    <message>
        <source>Số %1 được ghi vắng mặt. Bấm F1 để gọi số tiếp theo.</source>
        <translation>Number %1 marked as no-show. Press F1 to call the next number.</translation>
    </message>
    <message>
        <source>Không có ai đang chờ.</source>
        <translation>Nobody is waiting.</translation>
    </message>
    <message>
        <source>Mất kết nối: máy quầy không tra được mã QR của phiếu; hãy nhập số in trên phiếu.</source>
        <translation>Offline: the counter cannot look up the ticket&apos;s QR code; type the number printed on it.</translation>
    </message>
    <message>
        <source>Đã ghi khoản thu phí, lệ phí của hồ sơ %1 (lưu tại máy).</source>
        <translation>Fee payment recorded for dossier %1 (saved on this machine).</translation>
    </message>
    <message>
        <source>Mã hồ sơ (như in trên phiếu hẹn):</source>
        <translation>Dossier code (as printed on the receipt):</translation>
    </message>
</context>
<context>
    <name>CountersTab</name>
    <message>
        <source>Quầy</source>
        <translation>Counters</translation>
    </message>
    <message>
        <source>Số quầy</source>
        <translation>Counter no.</translation>
    </message>
    <message>
        <source>Tên quầy</source>
        <translation>Counter name</translation>
    </message>
    <message>
        <source>Gọi các dịch vụ (theo thứ tự)</source>
        <translation>Calls services (in order)</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đang hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Lên</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Xuống</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Gọi dịch vụ này trước</source>
        <translation>Call this service first</translation>
    </message>
    <message>
        <source>Dịch vụ được gọi</source>
        <translation>Services called</translation>
    </message>
    <message>
        <source>Đánh dấu các dịch vụ quầy gọi; dịch vụ ở trên được gọi trước.</source>
        <translation>Tick the services this counter calls; services higher up are called first.</translation>
    </message>
    <message>
        <source>Thêm quầy (Ctrl+N)</source>
        <translation>Add counter (Ctrl+N)</translation>
    </message>
    <message>
        <source>Hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Ngừng</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Sửa quầy</source>
        <translation>Edit counter</translation>
    </message>
    <message>
        <source>Quầy mới</source>
        <translation>New counter</translation>
    </message>
    <message>
        <source>Quầy số %1</source>
        <translation>Counter %1</translation>
    </message>
    <message>
        <source>Đã lưu quầy số %1.</source>
        <translation>Counter %1 saved.</translation>
    </message>
</context>
<context>
    <name>CrashNotifier</name>
    <message>
        <source>Lỗi phần mềm</source>
        <translation>Software error</translation>
    </message>
    <message>
        <source>Đã xảy ra lỗi phần mềm không mong muốn. Thao tác vừa rồi có thể chưa được thực hiện; chương trình vẫn tiếp tục chạy.
Hãy báo cho bộ phận kỹ thuật.</source>
        <translation>An unexpected software error occurred. The last operation may not have been carried out; the program is still running.
Please inform the technical team.</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Báo cáo lỗi: %1</source>
        <translation>Error report: %1</translation>
    </message>
    <message>
        <source> (lần thứ %1)</source>
        <translation> (occurrence %1)</translation>
    </message>
    <message>
        <source>Lỗi đã được ghi vào nhật ký.</source>
        <translation>The error has been logged.</translation>
    </message>
</context>
<context>
    <name>DayTab</name>
    <message>
        <source>Số</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Dịch vụ</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Lấy số</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Gọi</source>
        <translation>Called</translation>
    </message>
    <message>
        <source>Bắt đầu PV</source>
        <translation>Service began</translation>
    </message>
    <message>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Thời gian chờ</source>
        <translation>Wait</translation>
    </message>
    <message>
        <source>Thời gian PV</source>
        <translation>Service time</translation>
    </message>
    <message>
        <source>Quầy</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Chuyển</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Đánh giá</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Xem</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Dịch vụ:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <source>Quầy:</source>
        <translation>Counter:</translation>
    </message>
    <message>
        <source>Kết quả:</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <source>Lưu %1…</source>
        <translation>Save %1…</translation>
    </message>
    <message>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>%1 số · %2 đã phục vụ · %3 vắng mặt · chờ TB %4 · phục vụ TB %5</source>
        <translation>%1 numbers · %2 served · %3 no-shows · avg wait %4 · avg service %5</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Lưu ngày</source>
        <translation>Save day</translation>
    </message>
    <message>
        <source>Đã lưu %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Đã gửi ngày %1 tới máy in.</source>
        <translation>Day %1 sent to the printer.</translation>
    </message>
</context>
<context>
    <name>DeviceStatusWidget</name>
    <message>
        <source>không sử dụng</source>
        <translation>not used</translation>
    </message>
    <message>
        <source>sẵn sàng</source>
        <translation>ready</translation>
    </message>
    <message>
        <source>đang gặp sự cố</source>
        <translation>out of order</translation>
    </message>
    <message>
        <source>chưa kết nối</source>
        <translation>not connected</translation>
    </message>
</context>
<context>
    <name>DevicesBox</name>
    <message>
        <source>3. Thiết bị</source>
        <translation>3. Devices</translation>
    </message>
    <message>
        <source>không dùng — hoặc địa chỉ IP máy in mạng</source>
        <translation>not used — or network printer IP address</translation>
    </message>
    <message>
        <source>80 mm</source>
        <translation>80 mm</translation>
    </message>
    <message>
        <source>58 mm</source>
        <translation>58 mm</translation>
    </message>
    <message>
        <source>In thử</source>
        <translation>Test print</translation>
    </message>
    <message>
        <source>không dùng</source>
        <translation>not used</translation>
    </message>
    <message>
        <source>ascii — mỗi phím một ký tự</source>
        <translation>ascii — one character per key</translation>
    </message>
    <message>
        <source>framed — nhiều bàn phím trên RS485</source>
        <translation>framed — several keypads on RS485</translation>
    </message>
    <message>
        <source>địa chỉ </source>
        <translation>address </translation>
    </message>
    <message>
        <source>Thử bàn phím</source>
        <translation>Test keypad</translation>
    </message>
    <message>
        <source>Làm mới danh sách cổng</source>
        <translation>Refresh port list</translation>
    </message>
    <message>
        <source>Máy in phiếu</source>
        <translation>Ticket printer</translation>
    </message>
    <message>
        <source>Khổ giấy</source>
        <translation>Paper width</translation>
    </message>
    <message>
        <source>Bàn phím đánh giá</source>
        <translation>Rating keypad</translation>
    </message>
    <message>
        <source>Giao thức</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <source>Máy lấy số (kiosk) in phiếu</source>
        <translation>Kiosk ticket printer</translation>
    </message>
    <message>
        <source>Chọn cổng rồi bấm «In thử»</source>
        <translation>Choose a port, then press «Test print»</translation>
    </message>
    <message>
        <source>Bàn phím đánh giá gắn với máy quầy</source>
        <translation>Rating keypad attached to the counter PC</translation>
    </message>
    <message>
        <source>Chọn cổng, bấm «Thử bàn phím» rồi bấm một phím</source>
        <translation>Choose a port, press «Test keypad», then press a key</translation>
    </message>
    <message>
        <source>Chọn hoặc nhập cổng %1 trước khi thử</source>
        <translation>Choose or enter the %1 port before testing</translation>
    </message>
    <message>
        <source>Đang in trang thử ra %1…</source>
        <translation>Printing a test page to %1…</translation>
    </message>
    <message>
        <source>In thử không được: %1</source>
        <translation>Test print failed: %1</translation>
    </message>
    <message>
        <source>Hãy bấm một phím trên bàn phím đánh giá… (chờ %1 giây)</source>
        <translation>Press a key on the rating keypad… (waiting %1 s)</translation>
    </message>
    <message>
        <source>Không nhận được phím nào trong %1 giây: kiểm tra cáp, cổng và giao thức</source>
        <translation>No key received within %1 s: check the cable, port and protocol</translation>
    </message>
    <message>
        <source> (bàn phím địa chỉ %1)</source>
        <translation> (keypad address %1)</translation>
    </message>
    <message>
        <source>Đã nhận phím «%1»%2</source>
        <translation>Received key «%1»%2</translation>
    </message>
    <message>
        <source>Không thử được bàn phím: %1</source>
        <translation>Could not test the keypad: %1</translation>
    </message>
    <message>
        <source>máy in</source>
        <translation>printer</translation>
    </message>
    <message>
        <source>Cổng nối tiếp do hệ điều hành liệt kê. Máy in mạng: gõ địa chỉ IP (vd. 10.0.0.5, cổng %1).</source>
        <translation>Serial ports listed by the operating system. Network printer: type its IP address (e.g. 10.0.0.5, port %1).</translation>
    </message>
    <message>
        <source>bàn phím</source>
        <translation>keypad</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <source>Màn hình gọi số</source>
        <translation>Queue display</translation>
    </message>
    <message>
        <source>Mất kết nối cơ sở dữ liệu — đang kết nối lại…</source>
        <translation>Database connection lost — reconnecting…</translation>
    </message>
    <message>
        <source>Vừa gọi</source>
        <translation>Just called</translation>
    </message>
    <message>
        <source>Máy này không phát được âm thanh: chỉ hiển thị số</source>
        <translation>This machine cannot play sound: numbers are shown only</translation>
    </message>
    <message>
        <source>Quầy %1</source>
        <translation>Counter %1</translation>
    </message>
</context>
<context>
    <name>DocumentsChecklist</name>
    <message>
        <source>Nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Tên giấy tờ</source>
        <translation>Document name</translation>
    </message>
    <message>
        <source>Bản chính</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Bản sao CT</source>
        <translation>Certified copy</translation>
    </message>
    <message>
        <source>Bản photo</source>
        <translation>Photocopy</translation>
    </message>
</context>
<context>
    <name>DocumentsTable</name>
    <message>
        <source>Tên giấy tờ</source>
        <translation>Document name</translation>
    </message>
    <message>
        <source>Loại bản</source>
        <translation>Copy type</translation>
    </message>
    <message>
        <source>Số lượng</source>
        <translation>Quantity</translation>
    </message>
</context>
<context>
    <name>DossierViewDialog</name>
    <message>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Việc</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Từ → Đến trạng thái</source>
        <translation>From → to status</translation>
    </message>
    <message>
        <source>Lý do / chi tiết</source>
        <translation>Reason / details</translation>
    </message>
    <message>
        <source>tiếp nhận hồ sơ</source>
        <translation>dossier received</translation>
    </message>
    <message>
        <source>đăng ký trực tuyến trên Cổng dịch vụ công</source>
        <translation>registered online on the Public Service Portal</translation>
    </message>
    <message>
        <source>Hồ sơ %1</source>
        <translation>Dossier %1</translation>
    </message>
    <message>
        <source>Quá trình giải quyết</source>
        <translation>Processing history</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Cơ quan giải quyết</source>
        <translation>Handling agency</translation>
    </message>
    <message>
        <source>Số thứ tự</source>
        <translation>Ticket number</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tạm dừng</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>Tiếp nhận lúc</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>Hẹn trả kết quả</source>
        <translation>Result due</translation>
    </message>
    <message>
        <source>Hẹn trả ban đầu</source>
        <translation>Original due date</translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation>Fees and charges</translation>
    </message>
    <message>
        <source>Quá hạn %1 ngày</source>
        <translation>Overdue by %1 day(s)</translation>
    </message>
    <message>
        <source>Tính từ ngày hẹn trả ban đầu; hồ sơ tạm dừng trước hạn không bị tính quá hạn trong khi tạm dừng</source>
        <translation>Counted from the original due date; a dossier suspended before its due date is not counted as overdue while suspended</translation>
    </message>
    <message>
        <source>Thao tác được phép ở trạng thái hiện tại</source>
        <translation>Actions allowed in the current status</translation>
    </message>
    <message>
        <source>In lại phiếu hẹn</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <source>In Mẫu %1</source>
        <translation>Print Form %1</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Đang tạm dừng</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>Chờ bổ sung từ %1</source>
        <translation>Awaiting supplement since %1</translation>
    </message>
    <message>
        <source>Không thu</source>
        <translation>No fee</translation>
    </message>
    <message>
        <source>%1; chưa thu</source>
        <translation>%1; not collected</translation>
    </message>
    <message>
        <source>%1; đã thu %2</source>
        <translation>%1; collected %2</translation>
    </message>
    <message>
        <source>Đơn vị nhận</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <source>Số hiệu bưu gửi</source>
        <translation>Postal tracking no.</translation>
    </message>
    <message>
        <source>Người nhận</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <source>Biên lai</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Hẹn trả mới: %1</source>
        <translation>New due date: %1</translation>
    </message>
    <message>
        <source>Hồ sơ đã kết thúc: không còn thao tác nào</source>
        <translation>Dossier closed: no actions left</translation>
    </message>
    <message>
        <source>Đã %1: hồ sơ %2.</source>
        <translation>Done: %1 — dossier %2.</translation>
    </message>
    <message>
        <source>In Mẫu %1?</source>
        <translation>Print Form %1?</translation>
    </message>
    <message>
        <source>In %1 cho người nộp?</source>
        <translation>Print %1 for the applicant?</translation>
    </message>
    <message>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>DueTab</name>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Mở hồ sơ (Enter)</source>
        <translation>Open dossier (Enter)</translation>
    </message>
    <message>
        <source>Nhấp đúp một dòng để mở hồ sơ: xem quá trình, xin lỗi, chuyển, trả kết quả…</source>
        <translation>Double-click a row to open the dossier: view history, apologise, transfer, return the result…</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Days late</translation>
    </message>
    <message>
        <source>Đã trả đúng hạn</source>
        <translation>Returned on time</translation>
    </message>
    <message>
        <source>Đã trả trễ hạn</source>
        <translation>Returned late</translation>
    </message>
    <message>
        <source>Đang quá hạn</source>
        <translation>Now overdue</translation>
    </message>
    <message>
        <source>Đang trong hạn</source>
        <translation>Within time</translation>
    </message>
    <message>
        <source>Theo cơ quan (hồ sơ đã trả từ đầu năm, hồ sơ đang giải quyết)</source>
        <translation>By agency (returned since 1 January, in progress)</translation>
    </message>
    <message>
        <source>Chọn một hồ sơ trong danh sách trước</source>
        <translation>Select a dossier in the list first</translation>
    </message>
    <message>
        <source>Sắp đến hạn (trong %1 ngày làm việc): %2 hồ sơ</source>
        <translation>Due soon (within %1 working days): %2 dossier(s)</translation>
    </message>
    <message>
        <source>Quá hạn: %1 hồ sơ</source>
        <translation>Overdue: %1 dossier(s)</translation>
    </message>
    <message>
        <source>%1 ngày</source>
        <translation>%1 day(s)</translation>
    </message>
</context>
<context>
    <name>FormPreviewDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>FormRequestDialog</name>
    <message>
        <source>Mỗi dòng một giấy tờ hoặc nội dung cần bổ sung</source>
        <translation>One document or item to supplement per line</translation>
    </message>
    <message>
        <source>Ghi cụ thể; mỗi dòng một lý do</source>
        <translation>Be specific; one reason per line</translation>
    </message>
    <message>
        <source>Đánh dấu giấy tờ còn thiếu (Space), thêm nội dung khác nếu cần:</source>
        <translation>Tick missing documents (Space), add other items if needed:</translation>
    </message>
    <message>
        <source>Giấy tờ cần bổ sung</source>
        <translation>Documents to supplement</translation>
    </message>
    <message>
        <source>Nội dung khác</source>
        <translation>Other items</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Lý do từ chối</source>
        <translation>Reason for refusal</translation>
    </message>
    <message>
        <source>Tạo phiếu (Ctrl+Enter)</source>
        <translation>Create slip (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Đánh dấu hoặc ghi ít nhất một giấy tờ cần bổ sung</source>
        <translation>Tick or enter at least one document to supplement</translation>
    </message>
    <message>
        <source>Ghi lý do yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation>Enter the reason for requesting supplements to the dossier</translation>
    </message>
    <message>
        <source>Ghi lý do cụ thể của việc từ chối tiếp nhận hồ sơ</source>
        <translation>Enter the specific reason for refusing to receive the dossier</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Receive dossier</translation>
    </message>
    <message>
        <source>CCCD của chủ hồ sơ (12 chữ số, nếu có)</source>
        <translation>Citizen ID (CCCD) of the dossier owner (12 digits, if any)</translation>
    </message>
    <message>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <source>10 chữ số, chi nhánh thêm -XXX</source>
        <translation>10 digits, branches add -XXX</translation>
    </message>
    <message>
        <source>vd. 1985; để trống thì lấy theo CCCD</source>
        <translation>e.g. 1985; leave blank to take it from the CCCD</translation>
    </message>
    <message>
        <source>vd. 0912 345 678</source>
        <translation>e.g. 0912 345 678</translation>
    </message>
    <message>
        <source>Để trống nếu người nộp là chủ hồ sơ</source>
        <translation>Leave blank if the applicant is the dossier owner</translation>
    </message>
    <message>
        <source>Theo CCCD</source>
        <translation>From CCCD</translation>
    </message>
    <message>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <source> bộ</source>
        <translation> set(s)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Mức độ %1</source>
        <translation>Level %1</translation>
    </message>
    <message>
        <source>Tại Bộ phận một cửa</source>
        <translation>At the one-stop desk</translation>
    </message>
    <message>
        <source>Qua bưu chính công ích</source>
        <translation>Via public postal service</translation>
    </message>
    <message>
        <source>Giải quyết và trả kết quả ngay tại quầy (thủ tục tại chỗ)</source>
        <translation>Process and return the result at the counter (on-the-spot procedure)</translation>
    </message>
    <message>
        <source>Tiếp nhận (Ctrl+S)</source>
        <translation>Receive (Ctrl+S)</translation>
    </message>
    <message>
        <source>Phiếu bổ sung (Mẫu 02)…</source>
        <translation>Supplement slip (Form 02)…</translation>
    </message>
    <message>
        <source>Từ chối (Mẫu 03)…</source>
        <translation>Refuse (Form 03)…</translation>
    </message>
    <message>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>3. Thành phần hồ sơ đã nhận</source>
        <translation>3. Documents received</translation>
    </message>
    <message>
        <source>Số lượng hồ sơ</source>
        <translation>Number of dossier sets</translation>
    </message>
    <message>
        <source>Phí, lệ phí (theo danh mục)</source>
        <translation>Fees and charges (per catalogue)</translation>
    </message>
    <message>
        <source>2. Người nộp hồ sơ</source>
        <translation>2. Applicant</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation>Citizen ID (CCCD)</translation>
    </message>
    <message>
        <source>Mã số thuế *</source>
        <translation>Tax code *</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Năm sinh</source>
        <translation>Year of birth</translation>
    </message>
    <message>
        <source>Điện thoại *</source>
        <translation>Phone *</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Địa chỉ *</source>
        <translation>Address *</translation>
    </message>
    <message>
        <source>Chủ hồ sơ (nếu khác)</source>
        <translation>Dossier owner (if different)</translation>
    </message>
    <message>
        <source>CCCD chủ hồ sơ</source>
        <translation>Owner&apos;s CCCD</translation>
    </message>
    <message>
        <source>4. Hình thức nộp và nhận kết quả</source>
        <translation>4. Submission and result delivery</translation>
    </message>
    <message>
        <source>Hình thức nộp</source>
        <translation>Submitted via</translation>
    </message>
    <message>
        <source>Mức độ trực tuyến</source>
        <translation>Online service level</translation>
    </message>
    <message>
        <source>Nhận kết quả</source>
        <translation>Result delivery</translation>
    </message>
    <message>
        <source>Địa chỉ nhận qua bưu chính</source>
        <translation>Postal delivery address</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Ô có dấu * là bắt buộc. Tab / Enter: sang ô tiếp theo · Ctrl+S: tiếp nhận · Esc: hủy</source>
        <translation>Fields marked * are required. Tab / Enter: next field · Ctrl+S: receive · Esc: cancel</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ — số thứ tự %1</source>
        <translation>Receive dossier — ticket number %1</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ (không gắn số thứ tự)</source>
        <translation>Receive dossier (no ticket number)</translation>
    </message>
    <message>
        <source>Không thu</source>
        <translation>No fee</translation>
    </message>
    <message>
        <source>Tiếp nhận và trả kết quả (Ctrl+S)</source>
        <translation>Receive and return the result (Ctrl+S)</translation>
    </message>
    <message>
        <source>Họ và tên *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <source>Tên tổ chức *</source>
        <translation>Organisation name *</translation>
    </message>
    <message>
        <source>Số CCCD *</source>
        <translation>Citizen ID (CCCD) *</translation>
    </message>
    <message>
        <source>CCCD người đại diện</source>
        <translation>Representative&apos;s CCCD</translation>
    </message>
    <message>
        <source>Đã đọc thẻ CCCD: họ tên, số CCCD, năm sinh, giới tính và địa chỉ đã được điền; hãy kiểm tra lại.</source>
        <translation>Citizen ID card read: name, ID number, birth year, sex and address filled in; please check them.</translation>
    </message>
    <message>
        <source>Chọn thủ tục: gõ vài chữ của tên thủ tục, bấm ↓ rồi Enter</source>
        <translation>Choose a procedure: type part of its name, press ↓ then Enter</translation>
    </message>
    <message>
        <source>Năm sinh phải gồm 4 chữ số, từ 1900</source>
        <translation>Year of birth must have 4 digits, from 1900</translation>
    </message>
    <message>
        <source>Chưa đánh dấu giấy tờ nào đã nhận; hồ sơ thiếu thì in Phiếu bổ sung (Mẫu 02)</source>
        <translation>No documents ticked as received; if the dossier is incomplete, print a Supplement slip (Form 02)</translation>
    </message>
    <message>
        <source>Cảnh báo: %1. Kiểm tra lại; bấm «Tiếp nhận» lần nữa để vẫn tiếp nhận.</source>
        <translation>Warning: %1. Check again; press «Receive» once more to receive anyway.</translation>
    </message>
    <message>
        <source>Đang lưu hồ sơ…</source>
        <translation>Saving dossier…</translation>
    </message>
    <message>
        <source>Chưa lưu được hồ sơ: %1 Mọi thông tin đã nhập vẫn được giữ nguyên; bấm «Thử lại» khi có kết nối.</source>
        <translation>Dossier not saved yet: %1 Everything entered is kept; press «Retry» once connected.</translation>
    </message>
    <message>
        <source>Bỏ hồ sơ đang nhập?</source>
        <translation>Discard this dossier?</translation>
    </message>
    <message>
        <source>Những gì đã nhập sẽ mất. Đóng biểu mẫu tiếp nhận?</source>
        <translation>Everything entered will be lost. Close the intake form?</translation>
    </message>
</context>
<context>
    <name>KeypadPadWindow</name>
    <message>
        <source>Bàn phím đánh giá — quầy %1 (giả lập)</source>
        <translation>Rating keypad — counter %1 (simulated)</translation>
    </message>
    <message>
        <source>Bàn phím đánh giá của quầy %1 (giả lập trên cổng %2)</source>
        <translation>Rating keypad of counter %1 (simulated on port %2)</translation>
    </message>
    <message>
        <source>Công dân bấm một phím sau khi cán bộ kết thúc số (F6 ở quầy)</source>
        <translation>The citizen presses a key after the officer finishes the number (F6 at the counter)</translation>
    </message>
    <message>
        <source>Không gửi được phím %1: %2</source>
        <translation>Could not send key %1: %2</translation>
    </message>
    <message>
        <source>Đã bấm phím %1 — %2</source>
        <translation>Key %1 pressed — %2</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Lấy số thứ tự</source>
        <translation>Take a number</translation>
    </message>
    <message>
        <source>Máy in phiếu</source>
        <translation>Ticket printer</translation>
    </message>
    <message>
        <source>Xin mời chạm vào lĩnh vực bạn cần để lấy số thứ tự</source>
        <translation>Please touch the service you need to get a number</translation>
    </message>
    <message>
        <source>Nếu bạn thuộc diện ưu tiên, hãy chạm chọn một ô dưới đây trước, rồi chạm lĩnh vực:</source>
        <translation>If you are entitled to priority, first touch one of the boxes below, then the service:</translation>
    </message>
    <message>
        <source>Số của bạn</source>
        <translation>Your number</translation>
    </message>
    <message>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Không có ai đang chờ</source>
        <translation>Nobody waiting</translation>
    </message>
    <message>
        <source>%1 người đang chờ · khoảng %2 phút</source>
        <translation>%1 waiting · about %2 min</translation>
    </message>
    <message>
        <source>Trả kết quả hồ sơ %1</source>
        <translation>Result of dossier %1</translation>
    </message>
    <message>
        <source>Vui lòng ghi nhớ số %1 và chờ gọi số</source>
        <translation>Please remember number %1 and wait to be called</translation>
    </message>
    <message>
        <source>Ưu tiên: %1</source>
        <translation>Priority: %1</translation>
    </message>
    <message>
        <source>Trước bạn còn %1 người · Chờ khoảng %2 phút</source>
        <translation>People ahead of you: %1 · Wait about %2 min</translation>
    </message>
    <message>
        <source>Máy in đang gặp sự cố: %1.
Vui lòng ghi nhớ số %2 và chờ gọi số</source>
        <translation>The printer has a problem: %1.
Please remember number %2 and wait to be called</translation>
    </message>
    <message>
        <source>Máy in phiếu đang tạm dừng (%1). Bạn vẫn lấy được số: hãy ghi nhớ số hiện trên màn hình.</source>
        <translation>The ticket printer is paused (%1). You can still get a number: please remember the number shown on screen.</translation>
    </message>
    <message>
        <source>Hiện chưa có lĩnh vực nào nhận số. Xin vui lòng hỏi cán bộ hướng dẫn.</source>
        <translation>No service is issuing numbers at the moment. Please ask a staff member for help.</translation>
    </message>
    <message>
        <source>Đang in phiếu…</source>
        <translation>Printing your ticket…</translation>
    </message>
    <message>
        <source>Hệ thống tạm thời gián đoạn, chưa lấy được số. Xin vui lòng thử lại sau ít phút hoặc hỏi cán bộ hướng dẫn.</source>
        <translation>The system is temporarily unavailable, no number was issued. Please try again in a few minutes or ask a staff member.</translation>
    </message>
    <message>
        <source>Chưa lấy được số do lỗi phần mềm. Xin vui lòng hỏi cán bộ hướng dẫn.</source>
        <translation>No number was issued due to a software error. Please ask a staff member for help.</translation>
    </message>
    <message>
        <source>Xin mời ngồi chờ, số của bạn sẽ được mời tại quầy phục vụ</source>
        <translation>Please take a seat; your number will be called at the counter</translation>
    </message>
    <message>
        <source>Không có ai chờ trước bạn</source>
        <translation>Nobody is waiting ahead of you</translation>
    </message>
    <message>
        <source>Xin lỗi</source>
        <translation>Sorry</translation>
    </message>
    <message>
        <source>Không tạo được nội dung phiếu</source>
        <translation>Could not create the ticket</translation>
    </message>
    <message>
        <source>Mời bạn nhận phiếu in</source>
        <translation>Please take your printed ticket</translation>
    </message>
</context>
<context>
    <name>LiveTab</name>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Dịch vụ</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Đang chờ</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Ưu tiên</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Chờ lâu nhất</source>
        <translation>Longest wait</translation>
    </message>
    <message>
        <source>Quầy</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Số</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Đã phục vụ</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Phục vụ TB</source>
        <translation>Mean service</translation>
    </message>
    <message>
        <source>Hàng chờ theo dịch vụ</source>
        <translation>Queues by service</translation>
    </message>
    <message>
        <source>Các quầy</source>
        <translation>Counters</translation>
    </message>
    <message>
        <source>Hôm nay: %1 số đã lấy · %2 đang chờ · %3 đã phục vụ · %4 vắng mặt</source>
        <translation>Today: %1 numbers issued · %2 waiting · %3 served · %4 no-shows</translation>
    </message>
    <message>
        <source>Chờ lâu nhất hiện nay: %1</source>
        <translation>Longest current wait: %1</translation>
    </message>
    <message>
        <source>không có ai chờ</source>
        <translation>nobody waiting</translation>
    </message>
    <message>
        <source>Đánh giá hôm nay: %1 lượt</source>
        <translation>Ratings today: %1</translation>
    </message>
    <message>
        <source>Chưa có số</source>
        <translation>No number</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Thử lại</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Chi tiết…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Đóng thông báo</source>
        <translation>Close message</translation>
    </message>
    <message>
        <source> Báo cáo lỗi: %1</source>
        <translation> Error report: %1</translation>
    </message>
    <message>
        <source>Lỗi phần mềm không mong muốn; thao tác chưa được thực hiện. Hãy báo cho bộ phận kỹ thuật (bấm «Chi tiết…»).</source>
        <translation>Unexpected software error; the operation was not carried out. Please inform the technical team (press «Details…»).</translation>
    </message>
    <message>
        <source>Chi tiết lỗi</source>
        <translation>Error details</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <source>Nhập số đồng nguyên, không âm (vd. 1.500.000)</source>
        <translation>Enter whole đồng, not negative (e.g. 1.500.000)</translation>
    </message>
</context>
<context>
    <name>NotReceivedFlow</name>
    <message>
        <source>Chọn thủ tục trước khi in phiếu</source>
        <translation>Choose a procedure before printing the slip</translation>
    </message>
    <message>
        <source>Ghi tên người nộp để in trên phiếu</source>
        <translation>Enter the applicant&apos;s name to print on the slip</translation>
    </message>
    <message>
        <source>Đã tạo %1: %2 (hồ sơ không được tiếp nhận)</source>
        <translation>Created %1: %2 (dossier not received)</translation>
    </message>
</context>
<context>
    <name>OfficersTab</name>
    <message>
        <source>Cán bộ</source>
        <translation>Officers</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Bị khóa</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Được đăng nhập</source>
        <translation>May sign in</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>Thêm cán bộ (Ctrl+N)</source>
        <translation>Add officer (Ctrl+N)</translation>
    </message>
    <message>
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>không</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Sửa tài khoản %1</source>
        <translation>Edit account %1</translation>
    </message>
    <message>
        <source>Tài khoản mới</source>
        <translation>New account</translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu không khớp</source>
        <translation>The two passwords do not match</translation>
    </message>
    <message>
        <source>Đã lưu tài khoản «%1».</source>
        <translation>Account «%1» saved.</translation>
    </message>
    <message>
        <source>Đã đặt mật khẩu mới cho «%1»; tài khoản được mở khóa.</source>
        <translation>New password set for «%1»; the account is unlocked.</translation>
    </message>
</context>
<context>
    <name>OfflinePaymentDialog</name>
    <message>
        <source>Thu phí, lệ phí — lưu tại máy</source>
        <translation>Fees and charges — saved on this machine</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mất kết nối tới máy chủ&lt;/b&gt;: không mở được hồ sơ, nhưng có thể ghi khoản phí, lệ phí đã thu. Khoản thu được lưu tại máy và đồng bộ khi có kết nối.</source>
        <translation>&lt;b&gt;Connection to the server lost&lt;/b&gt;: the dossier cannot be opened, but the fee collected can be recorded. The payment is saved on this machine and synced when the connection is back.</translation>
    </message>
    <message>
        <source>(hồ sơ không tiếp nhận tại máy này khi mất kết nối)</source>
        <translation>(dossier not received on this machine while offline)</translation>
    </message>
    <message>
        <source> đồng</source>
        <translation> VND</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Số tiền đã nộp</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <source>Hình thức nộp</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Số biên lai</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>Ghi khoản thu (Enter)</source>
        <translation>Record payment (Enter)</translation>
    </message>
</context>
<context>
    <name>PdfDialog</name>
    <message>
        <source>Đang tạo phiếu…</source>
        <translation>Creating slip…</translation>
    </message>
    <message>
        <source>Lưu PDF… (Ctrl+S)</source>
        <translation>Save PDF… (Ctrl+S)</translation>
    </message>
    <message>
        <source>In (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Tệp: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>Không có công cụ xem trước (pdftoppm); mở tệp ở trên.</source>
        <translation>No preview tool (pdftoppm); open the file above.</translation>
    </message>
    <message>
        <source>Không xem trước được; mở tệp ở trên.</source>
        <translation>Cannot preview; open the file above.</translation>
    </message>
    <message>
        <source>Lưu PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Không lưu được vào %1: %2</source>
        <translation>Could not save to %1: %2</translation>
    </message>
    <message>
        <source>Đã lưu %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Máy in không sẵn sàng; phiếu chưa được in.</source>
        <translation>Printer not ready; the slip was not printed.</translation>
    </message>
    <message>
        <source>Đã gửi phiếu tới máy in.</source>
        <translation>Slip sent to the printer.</translation>
    </message>
</context>
<context>
    <name>PeriodRow</name>
    <message>
        <source>Bỏ</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>PeriodTab</name>
    <message>
        <source>Lập báo cáo</source>
        <translation>Create report</translation>
    </message>
    <message>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>đến ngày:</source>
        <translation>to:</translation>
    </message>
    <message>
        <source>Lưu %1…</source>
        <translation>Save %1…</translation>
    </message>
    <message>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Tên cơ quan giải quyết TTHC</source>
        <translation>Agency handling procedures</translation>
    </message>
    <message>
        <source>Báo cáo tình hình giải quyết hồ sơ từ ngày %1 đến ngày %2</source>
        <translation>Report on dossier processing from %1 to %2</translation>
    </message>
    <message>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Các đẳng thức kiểm tra đều đúng.</source>
        <translation>All check equations hold.</translation>
    </message>
    <message>
        <source>Lưu báo cáo</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Đã lưu %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>ProcedureForm</name>
    <message>
        <source>Nhận hồ sơ đến</source>
        <translation>Accept dossiers until</translation>
    </message>
    <message>
        <source>Không trực tuyến</source>
        <translation>Not online</translation>
    </message>
    <message>
        <source>Mức %1</source>
        <translation>Level %1</translation>
    </message>
    <message>
        <source>Giải quyết ngay tại quầy</source>
        <translation>Processed on the spot at the counter</translation>
    </message>
    <message>
        <source>Nhận/trả qua bưu chính</source>
        <translation>Receive/return by post</translation>
    </message>
    <message>
        <source>Đang áp dụng</source>
        <translation>In effect</translation>
    </message>
    <message>
        <source>Mã thủ tục</source>
        <translation>Procedure code</translation>
    </message>
    <message>
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <source>Giờ tiếp nhận cuối</source>
        <translation>Last intake time</translation>
    </message>
    <message>
        <source>Khi yêu cầu bổ sung</source>
        <translation>On supplement request</translation>
    </message>
    <message>
        <source>Phí, lệ phí (đồng)</source>
        <translation>Fees and charges (VND)</translation>
    </message>
    <message>
        <source>Dịch vụ công trực tuyến</source>
        <translation>Online public service</translation>
    </message>
    <message>
        <source>Thêm giấy tờ</source>
        <translation>Add document</translation>
    </message>
    <message>
        <source>Bỏ dòng đã chọn</source>
        <translation>Remove selected row</translation>
    </message>
    <message>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Hủy thay đổi (Esc)</source>
        <translation>Discard changes (Esc)</translation>
    </message>
    <message>
        <source>Thành phần hồ sơ</source>
        <translation>Dossier components</translation>
    </message>
    <message>
        <source>Sửa thủ tục — %1</source>
        <translation>Edit procedure — %1</translation>
    </message>
    <message>
        <source>Thủ tục mới — %1</source>
        <translation>New procedure — %1</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <source>1. Thủ tục hành chính</source>
        <translation>1. Administrative procedure</translation>
    </message>
    <message>
        <source>Gõ tên hoặc mã thủ tục (có dấu hay không dấu đều được)</source>
        <translation>Type the procedure name or code (with or without diacritics)</translation>
    </message>
    <message>
        <source>Tất cả cơ quan</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <source>Chưa chọn thủ tục.</source>
        <translation>No procedure selected.</translation>
    </message>
    <message>
        <source>%1 thủ tục</source>
        <translation>%1 procedure(s)</translation>
    </message>
    <message>
        <source> của các cơ quan thuộc dịch vụ của số thứ tự · ↓ để chọn, Enter để lấy</source>
        <translation> of the agencies under the ticket&apos;s service · ↓ to select, Enter to pick</translation>
    </message>
    <message>
        <source> · ↓ để chọn, Enter để lấy</source>
        <translation> · ↓ to select, Enter to pick</translation>
    </message>
    <message>
        <source>Không thấy thủ tục nào</source>
        <translation>No procedures found</translation>
    </message>
    <message>
        <source> — thử đánh dấu «Tất cả cơ quan»</source>
        <translation> — try ticking «All agencies»</translation>
    </message>
    <message>
        <source>mức độ %1</source>
        <translation>level %1</translation>
    </message>
    <message>
        <source>không</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Thời hạn: %1 · Trực tuyến: %2 · Bưu chính: %3</source>
        <translation>Time limit: %1 · Online: %2 · Postal: %3</translation>
    </message>
    <message>
        <source>có</source>
        <translation>yes</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Đang chờ tại quầy này</source>
        <translation>Waiting at this counter</translation>
    </message>
    <message>
        <source>Các dịch vụ khác (để chuyển số)</source>
        <translation>Other services (for transfer)</translation>
    </message>
    <message>
        <source>trong đó ưu tiên: %1</source>
        <translation>of which priority: %1</translation>
    </message>
</context>
<context>
    <name>RatingWindow</name>
    <message>
        <source>motcua — Đánh giá tại quầy %1</source>
        <translation>motcua — Rating at counter %1</translation>
    </message>
    <message>
        <source>Cán bộ phục vụ: %1</source>
        <translation>Served by: %1</translation>
    </message>
    <message>
        <source>Mời quý khách đánh giá mức độ hài lòng với cán bộ vừa phục vụ</source>
        <translation>Please rate your satisfaction with the officer who just served you</translation>
    </message>
    <message>
        <source>Quầy số %1 kính chào quý khách</source>
        <translation>Counter %1 welcomes you</translation>
    </message>
    <message>
        <source>Cảm ơn quý khách đã đánh giá: %1</source>
        <translation>Thank you for your rating: %1</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả — %1</source>
        <translation>Dossier receipt and result appointment — %1</translation>
    </message>
</context>
<context>
    <name>RegistrationsDialog</name>
    <message>
        <source>Mã trên Cổng DVC</source>
        <translation>Code on the Public Service Portal</translation>
    </message>
    <message>
        <source>Đăng ký lúc</source>
        <translation>Registered at</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Cơ quan giải quyết</source>
        <translation>Handling agency</translation>
    </message>
    <message>
        <source>Hồ sơ đăng ký trực tuyến chờ tiếp nhận</source>
        <translation>Online registrations waiting for reception</translation>
    </message>
    <message>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Mở hồ sơ để tiếp nhận / từ chối (Enter)</source>
        <translation>Open to accept / refuse (Enter)</translation>
    </message>
    <message>
        <source>Tải lại (F5)</source>
        <translation>Reload (F5)</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>%1 hồ sơ chờ tiếp nhận. Chọn một hồ sơ rồi bấm Enter.</source>
        <translation>%1 dossier(s) waiting. Choose one and press Enter.</translation>
    </message>
    <message>
        <source>Không có hồ sơ đăng ký trực tuyến nào chờ tiếp nhận.</source>
        <translation>No online registration is waiting for reception.</translation>
    </message>
</context>
<context>
    <name>RenderedPdfDialog</name>
    <message>
        <source>Chưa tạo được phiếu.</source>
        <translation>The slip could not be created.</translation>
    </message>
    <message>
        <source>Không ghi được tệp phiếu: %1</source>
        <translation>Could not write the slip file: %1</translation>
    </message>
</context>
<context>
    <name>ServicesTab</name>
    <message>
        <source>Dịch vụ</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Tên dịch vụ</source>
        <translation>Service name</translation>
    </message>
    <message>
        <source>Dải số</source>
        <translation>Number range</translation>
    </message>
    <message>
        <source>Tối đa/ngày</source>
        <translation>Max/day</translation>
    </message>
    <message>
        <source>Số cơ quan</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <source>để trống: kiosk hiện tên tiếng Việt</source>
        <translation>leave empty: the kiosk shows the Vietnamese name</translation>
    </message>
    <message>
        <source>Tên công dân nước ngoài đọc trên kiosk khi chọn English</source>
        <translation>The name a foreign citizen reads at the kiosk after choosing English</translation>
    </message>
    <message>
        <source>Giới hạn</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source> phút</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Đang phục vụ</source>
        <translation>In service</translation>
    </message>
    <message>
        <source>Mã dịch vụ</source>
        <translation>Service code</translation>
    </message>
    <message>
        <source>Tên tiếng Anh (kiosk)</source>
        <translation>English name (kiosk)</translation>
    </message>
    <message>
        <source>Tiền tố số phiếu</source>
        <translation>Ticket number prefix</translation>
    </message>
    <message>
        <source>Dải số phiếu</source>
        <translation>Ticket number range</translation>
    </message>
    <message>
        <source>Số phiếu tối đa mỗi ngày</source>
        <translation>Max tickets per day</translation>
    </message>
    <message>
        <source>Thời gian phục vụ trung bình</source>
        <translation>Average service time</translation>
    </message>
    <message>
        <source>Phục vụ các cơ quan</source>
        <translation>Serves agencies</translation>
    </message>
    <message>
        <source>Thêm dịch vụ (Ctrl+N)</source>
        <translation>Add service (Ctrl+N)</translation>
    </message>
    <message>
        <source>không giới hạn</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>Sửa dịch vụ</source>
        <translation>Edit service</translation>
    </message>
    <message>
        <source>Dịch vụ mới</source>
        <translation>New service</translation>
    </message>
    <message>
        <source>Đã lưu dịch vụ «%1».</source>
        <translation>Service «%1» saved.</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Lưu cài đặt (Ctrl+S)</source>
        <translation>Save settings (Ctrl+S)</translation>
    </message>
    <message>
        <source>Hủy thay đổi (Esc)</source>
        <translation>Discard changes (Esc)</translation>
    </message>
    <message>
        <source>Cài đặt chung của trung tâm (áp dụng cho mọi máy trạm).</source>
        <translation>Centre-wide settings (apply to all workstations).</translation>
    </message>
    <message>
        <source>Đã lưu cài đặt của trung tâm.</source>
        <translation>Centre settings saved.</translation>
    </message>
</context>
<context>
    <name>SetupWindow</name>
    <message>
        <source>Cài đặt máy trạm — motcua</source>
        <translation>Workstation setup — motcua</translation>
    </message>
    <message>
        <source>Lưu và mở trạm</source>
        <translation>Save and open station</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>— chọn số quầy —</source>
        <translation>— choose counter no. —</translation>
    </message>
    <message>
        <source>1. Máy này là</source>
        <translation>1. This machine is</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Số quầy</source>
        <translation>Counter no.</translation>
    </message>
    <message>
        <source>Tệp trên máy này (một máy, không cần máy chủ)</source>
        <translation>File on this machine (single machine, no server needed)</translation>
    </message>
    <message>
        <source>Máy chủ PostgreSQL của trung tâm</source>
        <translation>Centre&apos;s PostgreSQL server</translation>
    </message>
    <message>
        <source>tệp chứng chỉ CA (.crt); để trống: không mã hóa TLS</source>
        <translation>CA certificate file (.crt); empty: no TLS</translation>
    </message>
    <message>
        <source>Kết nối mã hóa, kiểm tra chứng chỉ và tên máy chủ (sslmode=verify-full)</source>
        <translation>Encrypted connection, certificate and host name checked (sslmode=verify-full)</translation>
    </message>
    <message>
        <source>để trống nếu đã lưu hoặc máy chủ không cần</source>
        <translation>leave blank if already saved or not required by the server</translation>
    </message>
    <message>
        <source>Kiểm tra kết nối</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Tạo / nâng cấp cơ sở dữ liệu trên máy này</source>
        <translation>Create / upgrade the database on this machine</translation>
    </message>
    <message>
        <source>Máy chủ</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Cổng</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Người dùng</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Chứng chỉ CA</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>2. Dữ liệu lưu ở</source>
        <translation>2. Data is stored in</translation>
    </message>
    <message>
        <source>Tự mở trạm này toàn màn hình khi máy tính khởi động</source>
        <translation>Open this station full screen when the computer starts</translation>
    </message>
    <message>
        <source>Mục khởi động được ghi vào %1</source>
        <translation>Startup entry is written to %1</translation>
    </message>
    <message>
        <source>Trả lời bốn mục dưới đây rồi bấm «Lưu và mở trạm». Cấu hình được ghi vào %1; mật khẩu chỉ lưu trong keyring của hệ điều hành.</source>
        <translation>Answer the four sections below, then press «Save and open station». The configuration is written to %1; the password is stored only in the OS keyring.</translation>
    </message>
    <message>
        <source>Không lưu được mật khẩu: %1. Để trống nếu máy chủ không cần mật khẩu cho máy này.</source>
        <translation>Could not save the password: %1. Leave blank if the server needs no password for this machine.</translation>
    </message>
    <message>
        <source>Mật khẩu được lưu vào keyring của hệ điều hành (%1), không ghi vào tệp.</source>
        <translation>The password is stored in the OS keyring (%1), not in a file.</translation>
    </message>
    <message>
        <source>4. Khi máy tính khởi động</source>
        <translation>4. When the computer starts</translation>
    </message>
    <message>
        <source>Cài đặt máy trạm</source>
        <translation>Workstation setup</translation>
    </message>
    <message>
        <source>Đang kiểm tra kết nối…</source>
        <translation>Testing connection…</translation>
    </message>
    <message>
        <source>Đang tạo / nâng cấp cơ sở dữ liệu trên máy này…</source>
        <translation>Creating / upgrading the database on this machine…</translation>
    </message>
    <message>
        <source>Chưa thử được: hãy sửa các ô được đánh dấu đỏ.</source>
        <translation>Not tested yet: please correct the fields marked in red.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Đăng nhập — %1</source>
        <translation>Sign in — %1</translation>
    </message>
    <message>
        <source>Đăng nhập — motcua</source>
        <translation>Sign in — motcua</translation>
    </message>
    <message>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <source>motcua — Giám sát — %1</source>
        <translation>motcua — Supervision — %1</translation>
    </message>
    <message>
        <source>Trực tiếp</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Báo cáo kỳ</source>
        <translation>Period report</translation>
    </message>
    <message>
        <source>Đến hạn / quá hạn</source>
        <translation>Due / overdue</translation>
    </message>
    <message>
        <source>Đã kết nối lại cơ sở dữ liệu.</source>
        <translation>Database connection restored.</translation>
    </message>
</context>
<context>
    <name>TicketCard</name>
    <message>
        <source>SỐ TẠI QUẦY</source>
        <translation>NUMBER AT COUNTER</translation>
    </message>
    <message>
        <source>Chưa có số</source>
        <translation>No number</translation>
    </message>
    <message>
        <source>Công dân đã đến: F3 bắt đầu phục vụ.  Chưa thấy đến: F2 gọi lại, F4 vắng mặt.</source>
        <translation>Citizen has arrived: F3 start serving.  Not here yet: F2 recall, F4 no-show.</translation>
    </message>
    <message>
        <source>Xong việc: F6 kết thúc, hoặc Ctrl+Enter kết thúc và gọi số tiếp theo.</source>
        <translation>Done: F6 finish, or Ctrl+Enter finish and call the next number.</translation>
    </message>
    <message>
        <source>ƯU TIÊN: %1</source>
        <translation>PRIORITY: %1</translation>
    </message>
    <message>
        <source>Gọi lúc %1 (cách đây %2) · đã gọi %3 lần</source>
        <translation>Called at %1 (%2 ago) · times called: %3</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Chuyển số %1</source>
        <translation>Transfer number %1</translation>
    </message>
    <message>
        <source>Chuyển số &lt;b&gt;%1&lt;/b&gt; sang dịch vụ:</source>
        <translation>Transfer number &lt;b&gt;%1&lt;/b&gt; to service:</translation>
    </message>
    <message>
        <source>Gõ mã hoặc tên dịch vụ, ↑/↓ để chọn</source>
        <translation>Type a service code or name, ↑/↓ to select</translation>
    </message>
    <message>
        <source>Chuyển (Enter)</source>
        <translation>Transfer (Enter)</translation>
    </message>
    <message>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Đến quầy (không bắt buộc)</source>
        <translation>To counter (optional)</translation>
    </message>
    <message>
        <source>%1 đang chờ</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <source>Quầy bất kỳ phục vụ dịch vụ này</source>
        <translation>Any counter serving this service</translation>
    </message>
    <message>
        <source>Quầy số %1</source>
        <translation>Counter %1</translation>
    </message>
</context>
<context>
    <name>_CallRow</name>
    <message>
        <source>→ Quầy %1</source>
        <translation>→ Counter %1</translation>
    </message>
</context>
<context>
    <name>_CounterCell</name>
    <message>
        <source>Quầy %1</source>
        <translation>Counter %1</translation>
    </message>
    <message>
        <source>Mời đến quầy</source>
        <translation>Your turn</translation>
    </message>
    <message>
        <source>Đang phục vụ</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <source>Tạm dừng</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Đã đóng</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>announcer</name>
    <message>
        <source>Không có giọng đọc tiếng Việt: chỉ phát chuông</source>
        <translation>No Vietnamese voice: the chime only</translation>
    </message>
    <message>
        <source>Không phát được chuông</source>
        <translation>The chime cannot be played</translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <source>Cài đặt «%1»: giá trị không hợp lệ: %2</source>
        <translation>Setting «%1»: invalid value: %2</translation>
    </message>
    <message>
        <source>Cài đặt «%1»: phải là một trong %2</source>
        <translation>Setting «%1»: must be one of %2</translation>
    </message>
    <message>
        <source>Địa chỉ cơ sở dữ liệu (để trống: SQLite trên máy này)</source>
        <translation>Database address (empty: SQLite on this computer)</translation>
    </message>
    <message>
        <source>Vai trò của máy trạm</source>
        <translation>Role of this workstation</translation>
    </message>
    <message>
        <source>Số quầy của máy trạm (0: không gắn quầy)</source>
        <translation>Counter number of this workstation (0: no counter)</translation>
    </message>
    <message>
        <source>Cổng máy in phiếu (vd. /dev/ttyUSB0, socket://10.0.0.5:9100)</source>
        <translation>Ticket printer port (e.g. /dev/ttyUSB0, socket://10.0.0.5:9100)</translation>
    </message>
    <message>
        <source>Khổ giấy máy in phiếu</source>
        <translation>Ticket printer paper width</translation>
    </message>
    <message>
        <source>Cổng bàn phím đánh giá</source>
        <translation>Rating keypad port</translation>
    </message>
    <message>
        <source>Giao thức bàn phím đánh giá</source>
        <translation>Rating keypad protocol</translation>
    </message>
    <message>
        <source>Địa chỉ bàn phím của quầy trên đường RS485 (chế độ framed)</source>
        <translation>Address of the counter&apos;s keypad on the RS485 line (framed mode)</translation>
    </message>
    <message>
        <source>Phím của từng mức, tốt nhất trước (vd. 1,2,3; để trống: 1, 2, 3…)</source>
        <translation>Key of each level, best first (e.g. 1,2,3; empty: 1, 2, 3…)</translation>
    </message>
    <message>
        <source>Tốc độ cổng bàn phím (baud)</source>
        <translation>Keypad port speed (baud)</translation>
    </message>
    <message>
        <source>Thời gian im lặng kết thúc một lần bấm (ms)</source>
        <translation>Silence that ends one key press (ms)</translation>
    </message>
    <message>
        <source>Lệnh bật đèn bàn phím khi chờ đánh giá (hex, vd. 4C; để trống: không)</source>
        <translation>Command that turns the keypad lamp on while a rating is awaited (hex, e.g. 4C; empty: none)</translation>
    </message>
    <message>
        <source>Lệnh tắt đèn bàn phím (hex)</source>
        <translation>Command that turns the keypad lamp off (hex)</translation>
    </message>
    <message>
        <source>Ngôn ngữ giao diện</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Tên trung tâm</source>
        <translation>Centre name</translation>
    </message>
    <message>
        <source>Cơ quan chủ quản (dòng đầu biểu mẫu)</source>
        <translation>Governing body (first line of the forms)</translation>
    </message>
    <message>
        <source>Tên tỉnh (địa danh trên biểu mẫu)</source>
        <translation>Province name (place name on the forms)</translation>
    </message>
    <message>
        <source>Gọi 1 số ưu tiên sau mỗi N số thường</source>
        <translation>Call 1 priority number after every N regular numbers</translation>
    </message>
    <message>
        <source>Cách đọc số</source>
        <translation>How numbers are read out</translation>
    </message>
    <message>
        <source>Số mức đánh giá hài lòng</source>
        <translation>Number of satisfaction levels</translation>
    </message>
    <message>
        <source>Thời gian chờ đánh giá (giây)</source>
        <translation>Time to wait for a rating (seconds)</translation>
    </message>
    <message>
        <source>Số lần đăng nhập sai trước khi khóa</source>
        <translation>Failed sign-ins before the account is locked</translation>
    </message>
    <message>
        <source>Thời gian khóa tài khoản (phút)</source>
        <translation>Account lock time (minutes)</translation>
    </message>
    <message>
        <source>Dịch vụ cấp số trả kết quả</source>
        <translation>Service of result-return tickets</translation>
    </message>
    <message>
        <source>Số dự phòng khi mất kết nối: đủ dùng trong bao nhiêu phút</source>
        <translation>Spare numbers for offline use: enough for how many minutes</translation>
    </message>
    <message>
        <source>Số dự phòng khi mất kết nối: ít nhất bao nhiêu số mỗi khối</source>
        <translation>Spare numbers for offline use: at least how many per block</translation>
    </message>
    <message>
        <source>Cơ quan quầy được tiếp nhận khi mất kết nối (mã, cách nhau dấu phẩy; để trống: mọi cơ quan)</source>
        <translation>Agencies a counter may receive for while offline (codes separated by commas; empty: all agencies)</translation>
    </message>
    <message>
        <source>Không có cài đặt «%1»</source>
        <translation>There is no setting «%1»</translation>
    </message>
    <message>
        <source>«%1» là cài đặt của cả trung tâm, lưu trong cơ sở dữ liệu</source>
        <translation>«%1» is a setting of the whole centre, kept in the database</translation>
    </message>
    <message>
        <source>Không có tệp cấu hình %1 (kiểm tra lại đường dẫn --config)</source>
        <translation>There is no configuration file %1 (check the --config path)</translation>
    </message>
    <message>
        <source>Tệp cấu hình %1 không phải là một tệp (kiểm tra lại đường dẫn --config)</source>
        <translation>The configuration file %1 is not a file (check the --config path)</translation>
    </message>
    <message>
        <source>Tệp cấu hình %1 không phải văn bản TOML (UTF-8): byte lạ ở vị trí %2</source>
        <translation>The configuration file %1 is not TOML text (UTF-8): unexpected byte at position %2</translation>
    </message>
    <message>
        <source>Không đọc được tệp cấu hình %1: %2</source>
        <translation>Could not read the configuration file %1: %2</translation>
    </message>
    <message>
        <source>Không ghi mật khẩu cơ sở dữ liệu vào tệp cấu hình: hãy lưu nó vào keyring (motcua db password)</source>
        <translation>The database password is never written to the configuration file: store it in the keyring (motcua db password)</translation>
    </message>
    <message>
        <source>Không lưu được mật khẩu vào keyring: %1</source>
        <translation>Could not save the password in the keyring: %1</translation>
    </message>
    <message>
        <source>Không xóa được mật khẩu trong keyring: %1</source>
        <translation>Could not delete the password from the keyring: %1</translation>
    </message>
    <message>
        <source>Không lưu được phiên đăng nhập vào keyring: %1</source>
        <translation>Could not save the sign-in session in the keyring: %1</translation>
    </message>
    <message>
        <source>Không xóa được phiên đăng nhập trong keyring: %1</source>
        <translation>Could not delete the sign-in session from the keyring: %1</translation>
    </message>
</context>
<context>
    <name>device_status</name>
    <message>
        <source>Máy in hết giấy</source>
        <translation>Printer out of paper</translation>
    </message>
    <message>
        <source>Nắp máy in đang mở</source>
        <translation>Printer cover open</translation>
    </message>
    <message>
        <source>Máy in báo lỗi</source>
        <translation>Printer reports an error</translation>
    </message>
    <message>
        <source>không phản hồi</source>
        <translation>not responding</translation>
    </message>
    <message>
        <source>không nhận dữ liệu</source>
        <translation>refuses data</translation>
    </message>
    <message>
        <source>mất kết nối</source>
        <translation>connection lost</translation>
    </message>
    <message>
        <source>đã dừng</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>lỗi phần mềm</source>
        <translation>software error</translation>
    </message>
    <message>
        <source>hết giấy</source>
        <translation>out of paper</translation>
    </message>
    <message>
        <source>nắp máy đang mở</source>
        <translation>the cover is open</translation>
    </message>
    <message>
        <source>máy báo lỗi</source>
        <translation>the printer reports an error</translation>
    </message>
    <message>
        <source>không tạo được nội dung phiếu</source>
        <translation>the ticket could not be made</translation>
    </message>
    <message>
        <source>đang gặp sự cố</source>
        <translation>out of order</translation>
    </message>
    <message>
        <source>chưa kết nối</source>
        <translation>not connected</translation>
    </message>
</context>
<context>
    <name>devices.keypad</name>
    <message>
        <source>bàn phím đánh giá</source>
        <translation>rating keypad</translation>
    </message>
    <message>
        <source>%1: «%2» không phải dãy byte hex (vd. 4C hoặc 1B 4C)</source>
        <translation>%1: «%2» is not a sequence of hex bytes (e.g. 4C or 1B 4C)</translation>
    </message>
    <message>
        <source>Giao thức bàn phím «%1» không có; chọn ascii hoặc framed</source>
        <translation>There is no keypad protocol «%1»; choose ascii or framed</translation>
    </message>
    <message>
        <source>Địa chỉ bàn phím (chế độ framed) phải là số 0–255</source>
        <translation>The keypad address (framed mode) must be a number from 0 to 255</translation>
    </message>
    <message>
        <source>Thời gian im lặng kết thúc một lần bấm phải từ 5 đến 1000 ms</source>
        <translation>The silence that ends a key press must be from 5 to 1000 ms</translation>
    </message>
    <message>
        <source>Tốc độ cổng bàn phím (baud) phải là số dương</source>
        <translation>The keypad port speed (baud) must be a positive number</translation>
    </message>
</context>
<context>
    <name>devices.manager</name>
    <message>
        <source>Chưa kết nối %1</source>
        <translation>The %1 is not connected yet</translation>
    </message>
    <message>
        <source>Đã dừng %1</source>
        <translation>The %1 has been stopped</translation>
    </message>
    <message>
        <source>%1 chưa sẵn sàng: %2</source>
        <translation>%1 not ready: %2</translation>
    </message>
    <message>
        <source>Lỗi phần mềm khi dùng %1</source>
        <translation>Software error while using the %1</translation>
    </message>
</context>
<context>
    <name>devices.printer</name>
    <message>
        <source>máy in</source>
        <translation>printer</translation>
    </message>
    <message>
        <source>Máy in hết giấy</source>
        <translation>The printer is out of paper</translation>
    </message>
    <message>
        <source>Nắp máy in đang mở</source>
        <translation>The printer cover is open</translation>
    </message>
    <message>
        <source>Máy in báo lỗi (kẹt giấy hoặc dao cắt)</source>
        <translation>The printer reports an error (paper jam or cutter)</translation>
    </message>
    <message>
        <source>Máy in không phản hồi (cổng %1)</source>
        <translation>The printer does not respond (port %1)</translation>
    </message>
    <message>
        <source>Máy in không xác nhận đã nhận phiếu (cổng %1)</source>
        <translation>The printer did not confirm receiving the ticket (port %1)</translation>
    </message>
</context>
<context>
    <name>devices.transport</name>
    <message>
        <source>thiết bị</source>
        <translation>device</translation>
    </message>
    <message>
        <source>Địa chỉ cổng %1 không hợp lệ: %2</source>
        <translation>Invalid port address of the %1: %2</translation>
    </message>
    <message>
        <source>%1 không nhận dữ liệu (cổng %2)</source>
        <translation>%1 does not accept data (port %2)</translation>
    </message>
    <message>
        <source>Mất kết nối %1 (cổng %2)</source>
        <translation>Lost the connection to the %1 (port %2)</translation>
    </message>
    <message>
        <source>Chưa mở cổng %1 (%2)</source>
        <translation>The port of the %1 is not open (%2)</translation>
    </message>
    <message>
        <source>Không tìm thấy %1 ở cổng %2 (chưa cắm hoặc sai cổng)</source>
        <translation>No %1 found at port %2 (not plugged in, or the wrong port)</translation>
    </message>
    <message>
        <source>Không có quyền mở cổng %1 của %2</source>
        <translation>No permission to open port %1 of the %2</translation>
    </message>
    <message>
        <source>Cổng %1 của %2 đang bị chương trình khác sử dụng</source>
        <translation>Port %1 of the %2 is in use by another program</translation>
    </message>
    <message>
        <source>Không kết nối được %1 qua mạng (%2)</source>
        <translation>Could not reach the %1 over the network (%2)</translation>
    </message>
    <message>
        <source>Không mở được cổng %1 của %2</source>
        <translation>Could not open port %1 of the %2</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>domain.accounts</name>
    <message>
        <source>Cán bộ tiếp nhận</source>
        <translation>Reception officer</translation>
    </message>
    <message>
        <source>Giám sát</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>cán bộ tiếp nhận</source>
        <translation>reception officer</translation>
    </message>
    <message>
        <source>giám sát</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>quản trị</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>Tài khoản %1 không được phép %2 (cần quyền %3)</source>
        <translation>A %1 account may not %2 (%3 rights needed)</translation>
    </message>
    <message>
        <source>Mật khẩu phải có ít nhất 8 ký tự</source>
        <translation>The password must have at least 8 characters</translation>
    </message>
</context>
<context>
    <name>domain.calendar</name>
    <message>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Chủ Nhật</source>
        <translation>Sunday</translation>
    </message>
</context>
<context>
    <name>domain.catalog</name>
    <message>
        <source>ngày làm việc</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>ngày</source>
        <translation>days</translation>
    </message>
    <message>
        <source>giờ làm việc</source>
        <translation>working hours</translation>
    </message>
    <message>
        <source>trong ngày</source>
        <translation>same day</translation>
    </message>
    <message>
        <source>Tạm dừng tính thời gian</source>
        <translation>Pause the clock</translation>
    </message>
    <message>
        <source>Tính lại từ đầu</source>
        <translation>Restart from the beginning</translation>
    </message>
    <message>
        <source>Bản chính</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Bản sao chứng thực</source>
        <translation>Certified copy</translation>
    </message>
    <message>
        <source>Bản photo</source>
        <translation>Photocopy</translation>
    </message>
    <message>
        <source>Mã thủ tục chỉ gồm chữ, số, dấu chấm, gạch; không để trống</source>
        <translation>The procedure code may hold only letters, digits, dots and dashes; it must not be empty</translation>
    </message>
    <message>
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <source>Tên thủ tục phải có từ 3 đến 1000 ký tự</source>
        <translation>The procedure name must have 3 to 1000 characters</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Đơn vị thời hạn không hợp lệ</source>
        <translation>Invalid unit of the processing time</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết phải là số nguyên từ 0 đến 3650</source>
        <translation>The processing time must be a whole number from 0 to 3650</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết phải lớn hơn 0 (chọn «trong ngày» cho thủ tục giải quyết ngay)</source>
        <translation>The processing time must be greater than 0 (choose «same day» for a procedure settled at once)</translation>
    </message>
    <message>
        <source>Phí, lệ phí phải là số đồng nguyên, không âm</source>
        <translation>Fees must be a whole number of dong, not negative</translation>
    </message>
    <message>
        <source>Cách xử lý khi bổ sung hồ sơ không hợp lệ</source>
        <translation>Invalid handling of supplements</translation>
    </message>
    <message>
        <source>Mức độ trực tuyến phải là 2, 3 hoặc 4 (hoặc để trống)</source>
        <translation>The online level must be 2, 3 or 4 (or empty)</translation>
    </message>
    <message>
        <source>Giấy tờ dòng %1</source>
        <translation>Document line %1</translation>
    </message>
    <message>
        <source>Giấy tờ dòng %1: chưa có tên</source>
        <translation>Document line %1: no name yet</translation>
    </message>
    <message>
        <source>Giấy tờ dòng %1: loại bản không hợp lệ</source>
        <translation>Document line %1: invalid kind of copy</translation>
    </message>
    <message>
        <source>Giấy tờ dòng %1: số lượng phải từ 1 đến 99</source>
        <translation>Document line %1: the quantity must be from 1 to 99</translation>
    </message>
</context>
<context>
    <name>domain.cccd_qr</name>
    <message>
        <source>Mã vừa quét không phải mã QR trên thẻ CCCD (mã QR của thẻ bắt đầu bằng số CCCD 12 chữ số, các mục cách nhau bằng dấu «|»)</source>
        <translation>The code just scanned is not the QR code of a citizen ID card (the card&apos;s QR code starts with the 12-digit ID number, its parts separated by «|»)</translation>
    </message>
</context>
<context>
    <name>domain.dossier</name>
    <message>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Qua bưu chính công ích</source>
        <translation>By public postal service</translation>
    </message>
    <message>
        <source>Cá nhân</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>Tổ chức</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Đăng ký trực tuyến</source>
        <translation>Registered online</translation>
    </message>
    <message>
        <source>Đã tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Đang giải quyết</source>
        <translation>In process</translation>
    </message>
    <message>
        <source>Chờ bổ sung hồ sơ</source>
        <translation>Awaiting supplement</translation>
    </message>
    <message>
        <source>Chờ nộp phí, lệ phí</source>
        <translation>Awaiting payment of fees</translation>
    </message>
    <message>
        <source>Rút hồ sơ</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Dừng giải quyết</source>
        <translation>Processing stopped</translation>
    </message>
    <message>
        <source>Đã có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <source>Đã trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <source>Hủy hồ sơ</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Cơ quan %1 đã hết số hồ sơ của ngày %2 (tối đa %3 hồ sơ một ngày)</source>
        <translation>Agency %1 has used up its dossier numbers for %2 (at most %3 dossiers a day)</translation>
    </message>
    <message>
        <source>Mã hồ sơ «%1» không đúng dạng MÃCƠQUAN-YYMMDD-0001 (mã cơ quan tối đa 40 ký tự, số thứ tự 4 hoặc 5 chữ số)</source>
        <translation>The dossier code «%1» is not of the form AGENCYCODE-YYMMDD-0001 (agency code at most 40 characters, sequence number of 4 or 5 digits)</translation>
    </message>
    <message>
        <source>Mã hồ sơ: ngày %1 trong mã không có thật</source>
        <translation>Dossier code: the date %1 in the code does not exist</translation>
    </message>
    <message>
        <source>Mã hồ sơ: số thứ tự phải từ 0001</source>
        <translation>Dossier code: the sequence number must be 0001 or more</translation>
    </message>
    <message>
        <source>Thủ tục này không giải quyết và trả kết quả tại chỗ</source>
        <translation>This procedure is not settled with the result returned on the spot</translation>
    </message>
    <message>
        <source>Loại người nộp phải là cá nhân hoặc tổ chức</source>
        <translation>The applicant must be an individual or an organisation</translation>
    </message>
    <message>
        <source>Tên tổ chức</source>
        <translation>Organisation name</translation>
    </message>
    <message>
        <source>Tên tổ chức phải có từ %1 đến %2 ký tự</source>
        <translation>The organisation name must have %1 to %2 characters</translation>
    </message>
    <message>
        <source>Tổ chức phải có mã số thuế</source>
        <translation>An organisation must have a tax code</translation>
    </message>
    <message>
        <source>Giới tính phải là nam hoặc nữ</source>
        <translation>Sex must be male or female</translation>
    </message>
    <message>
        <source>Họ tên chủ hồ sơ</source>
        <translation>Full name of the dossier owner</translation>
    </message>
    <message>
        <source>Ghi họ tên chủ hồ sơ (đã có số CCCD của chủ hồ sơ)</source>
        <translation>Enter the full name of the dossier owner (the owner&apos;s ID number is given)</translation>
    </message>
    <message>
        <source>Số CCCD / định danh cá nhân không được để trống</source>
        <translation>The citizen ID / personal identification number must not be empty</translation>
    </message>
    <message>
        <source>Chứng minh nhân dân 9 số không còn giá trị từ 2025; nhập số định danh cá nhân 12 chữ số</source>
        <translation>9-digit identity cards are no longer valid since 2025; enter the 12-digit personal identification number</translation>
    </message>
    <message>
        <source>Hình thức nộp phải là trực tiếp, trực tuyến hoặc bưu chính</source>
        <translation>The submission channel must be in person, online or by post</translation>
    </message>
    <message>
        <source>Hồ sơ trực tuyến phải ghi mức độ 3 hoặc 4</source>
        <translation>An online dossier must state level 3 or 4</translation>
    </message>
    <message>
        <source>Thủ tục này không cung cấp dịch vụ công trực tuyến mức độ %1</source>
        <translation>This procedure is not offered as an online public service of level %1</translation>
    </message>
    <message>
        <source>Mức độ trực tuyến chỉ ghi cho hồ sơ nộp trực tuyến</source>
        <translation>The online level is only given for dossiers submitted online</translation>
    </message>
    <message>
        <source>Thủ tục này không tiếp nhận, trả kết quả qua bưu chính</source>
        <translation>This procedure does not receive dossiers or return results by post</translation>
    </message>
    <message>
        <source>Trả kết quả qua bưu chính cần địa chỉ nhận</source>
        <translation>Returning the result by post needs a delivery address</translation>
    </message>
    <message>
        <source>Số lượng hồ sơ phải từ 1 đến %1 bộ</source>
        <translation>The number of sets must be from 1 to %1</translation>
    </message>
    <message>
        <source>Giấy tờ dòng %1</source>
        <translation>Document line %1</translation>
    </message>
    <message>
        <source>Giấy tờ dòng %1: chưa có tên</source>
        <translation>Document line %1: no name yet</translation>
    </message>
    <message>
        <source>Giấy tờ dòng %1: số bản phải từ 0 đến %2</source>
        <translation>Document line %1: the number of copies must be from 0 to %2</translation>
    </message>
    <message>
        <source>Giấy tờ dòng %1: chưa ghi số bản đã nhận</source>
        <translation>Document line %1: the number of copies received is not given</translation>
    </message>
</context>
<context>
    <name>domain.dossier_rows</name>
    <message>
        <source>phải là số nguyên đồng, không âm</source>
        <translation>must be a whole number of dong, not negative</translation>
    </message>
    <message>
        <source>registered chỉ dùng cho hồ sơ nộp trực tuyến (channel online)</source>
        <translation>registered is only for dossiers submitted online (channel online)</translation>
    </message>
    <message>
        <source>hồ sơ đăng ký trực tuyến phải có mã hồ sơ trên Cổng dịch vụ công</source>
        <translation>a dossier registered online must have its code on the Public Service Portal</translation>
    </message>
    <message>
        <source>để trống khi status là registered: hạn trả tính từ lúc tiếp nhận tại quầy</source>
        <translation>leave empty when status is registered: the due date counts from reception at the counter</translation>
    </message>
    <message>
        <source>hồ sơ trực tuyến phải ghi mức độ 3 hoặc 4</source>
        <translation>an online dossier must state level 3 or 4</translation>
    </message>
    <message>
        <source>chỉ ghi mức độ cho hồ sơ nộp trực tuyến</source>
        <translation>the level is only given for dossiers submitted online</translation>
    </message>
    <message>
        <source>bắt buộc khi status là %1</source>
        <translation>required when status is %1</translation>
    </message>
    <message>
        <source>chỉ ghi khi status là %1</source>
        <translation>only given when status is %1</translation>
    </message>
    <message>
        <source>sớm hơn thời điểm tiếp nhận</source>
        <translation>earlier than the reception time</translation>
    </message>
    <message>
        <source>sớm hơn thời điểm có kết quả</source>
        <translation>earlier than the time of the result</translation>
    </message>
</context>
<context>
    <name>domain.errors</name>
    <message>
        <source>Không ghi được %1: ổ đĩa đã đầy</source>
        <translation>Could not write the %1: the disk is full</translation>
    </message>
    <message>
        <source>tệp</source>
        <translation>file</translation>
    </message>
</context>
<context>
    <name>domain.lifecycle</name>
    <message>
        <source>chuyển cơ quan giải quyết</source>
        <translation>hand over to the processing agency</translation>
    </message>
    <message>
        <source>trả lại hồ sơ không giải quyết</source>
        <translation>hand back the dossier unprocessed</translation>
    </message>
    <message>
        <source>yêu cầu bổ sung</source>
        <translation>request a supplement</translation>
    </message>
    <message>
        <source>tiếp tục giải quyết</source>
        <translation>resume processing</translation>
    </message>
    <message>
        <source>chờ nộp phí, lệ phí</source>
        <translation>await payment of fees</translation>
    </message>
    <message>
        <source>ghi nhận đã nộp phí</source>
        <translation>record the fees as paid</translation>
    </message>
    <message>
        <source>rút hồ sơ</source>
        <translation>withdraw the dossier</translation>
    </message>
    <message>
        <source>dừng giải quyết</source>
        <translation>stop processing</translation>
    </message>
    <message>
        <source>hủy</source>
        <translation>cancel</translation>
    </message>
    <message>
        <source>ghi nhận có kết quả</source>
        <translation>record the result</translation>
    </message>
    <message>
        <source>trả kết quả</source>
        <translation>return the result</translation>
    </message>
    <message>
        <source>gửi kết quả qua bưu chính</source>
        <translation>send the result by post</translation>
    </message>
    <message>
        <source>xin lỗi và hẹn lại ngày trả</source>
        <translation>apologise and set a new return date</translation>
    </message>
    <message>
        <source>tiếp nhận</source>
        <translation>receive</translation>
    </message>
    <message>
        <source>từ chối tiếp nhận</source>
        <translation>refuse to receive</translation>
    </message>
    <message>
        <source>đơn vị nhận hồ sơ</source>
        <translation>receiving unit</translation>
    </message>
    <message>
        <source>lý do</source>
        <translation>reason</translation>
    </message>
    <message>
        <source>số hiệu bưu gửi</source>
        <translation>postal tracking number</translation>
    </message>
    <message>
        <source>ngày hẹn trả mới</source>
        <translation>new return date</translation>
    </message>
    <message>
        <source>giấy tờ cần bổ sung, hoàn thiện</source>
        <translation>documents to supplement or complete</translation>
    </message>
    <message>
        <source>«%1»</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Không có thao tác «%1»; có: %2</source>
        <translation>There is no action «%1»; available: %2</translation>
    </message>
    <message>
        <source>Không thể %1: hồ sơ đang ở trạng thái «%2»; chỉ được khi hồ sơ %3</source>
        <translation>Cannot %1: the dossier is «%2»; allowed only when the dossier is %3</translation>
    </message>
    <message>
        <source>Hồ sơ đã được yêu cầu bổ sung một lần; chỉ được yêu cầu bổ sung bằng văn bản một lần duy nhất</source>
        <translation>A supplement has already been requested for this dossier; a written supplement request may be made only once</translation>
    </message>
    <message>
        <source>Hồ sơ đã được hẹn lại ngày trả một lần; không được gia hạn lần thứ hai</source>
        <translation>This dossier already has a new return date; it may not be extended a second time</translation>
    </message>
    <message>
        <source>Hồ sơ chưa có ngày hẹn trả để gia hạn</source>
        <translation>This dossier has no return date to extend</translation>
    </message>
    <message>
        <source>Phải xin lỗi và hẹn lại chậm nhất 01 ngày làm việc trước ngày hẹn trả (%1), tức là đến hết ngày %2</source>
        <translation>The apology and new date must be given at least 1 working day before the return date (%1), that is by the end of %2</translation>
    </message>
    <message>
        <source>Ngày hẹn trả mới (%1) phải sau ngày hẹn cũ (%2)</source>
        <translation>The new return date (%1) must be after the old one (%2)</translation>
    </message>
    <message>
        <source>Ngày hẹn trả mới %1 không phải ngày làm việc</source>
        <translation>The new return date %1 is not a working day</translation>
    </message>
</context>
<context>
    <name>domain.queue</name>
    <message>
        <source>Đang chờ</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Đã gọi</source>
        <translation>Called</translation>
    </message>
    <message>
        <source>Đang phục vụ</source>
        <translation>Being served</translation>
    </message>
    <message>
        <source>Đã xong</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Vắng mặt</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Đã chuyển</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Đang mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Tạm dừng</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Đã đóng</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>tạm dừng</source>
        <translation>pause</translation>
    </message>
    <message>
        <source>đóng</source>
        <translation>close</translation>
    </message>
    <message>
        <source>Quầy %1 đang có số %2: kết thúc, đánh dấu vắng mặt hoặc chuyển số trước khi %3 quầy</source>
        <translation>Counter %1 holds number %2: finish it, mark it absent or transfer it before you %3 the counter</translation>
    </message>
    <message>
        <source>đang tạm dừng</source>
        <translation>is paused</translation>
    </message>
    <message>
        <source>đã đóng</source>
        <translation>is closed</translation>
    </message>
    <message>
        <source>Quầy %1 %2: mở lại quầy (F10) trước khi gọi số</source>
        <translation>Counter %1 %2: reopen the counter (F10) before calling a number</translation>
    </message>
    <message>
        <source>Người cao tuổi</source>
        <translation>Elderly person</translation>
    </message>
    <message>
        <source>Người khuyết tật</source>
        <translation>Person with a disability</translation>
    </message>
    <message>
        <source>Phụ nữ mang thai</source>
        <translation>Pregnant woman</translation>
    </message>
    <message>
        <source>Người có con nhỏ</source>
        <translation>With a small child</translation>
    </message>
    <message>
        <source>Người có công với cách mạng</source>
        <translation>Person of merit to the revolution</translation>
    </message>
    <message>
        <source>Số %1 đang ở trạng thái «%2»: không thể %3</source>
        <translation>Number %1 is «%2»: it cannot be %3</translation>
    </message>
    <message>
        <source>gọi</source>
        <translation>called</translation>
    </message>
    <message>
        <source>gọi lại</source>
        <translation>called again</translation>
    </message>
    <message>
        <source>bắt đầu phục vụ</source>
        <translation>served</translation>
    </message>
    <message>
        <source>kết thúc</source>
        <translation>finished</translation>
    </message>
    <message>
        <source>đánh dấu vắng mặt</source>
        <translation>marked absent</translation>
    </message>
    <message>
        <source>chuyển</source>
        <translation>transferred</translation>
    </message>
    <message>
        <source>hủy</source>
        <translation>cancelled</translation>
    </message>
</context>
<context>
    <name>domain.rows</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>dòng %1, cột %2: %3</source>
        <translation>line %1, column %2: %3</translation>
    </message>
    <message>
        <source>có ký tự điều khiển hoặc ký tự ẩn không được phép (%1)</source>
        <translation>holds control or invisible characters that are not allowed (%1)</translation>
    </message>
    <message>
        <source>dài quá %1 ký tự (%2 ký tự)</source>
        <translation>longer than %1 characters (%2 characters)</translation>
    </message>
    <message>
        <source>không được để trống</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <source>«%1» không phải thời điểm ISO 8601 (vd. 2023-10-27T09:32:00+07:00)</source>
        <translation>«%1» is not an ISO 8601 moment (e.g. 2023-10-27T09:32:00+07:00)</translation>
    </message>
    <message>
        <source>năm %1 ngoài khoảng %2–%3</source>
        <translation>year %1 outside %2–%3</translation>
    </message>
    <message>
        <source>%1 ở tương lai (sau lúc nhập %2)</source>
        <translation>%1 is in the future (after the import at %2)</translation>
    </message>
    <message>
        <source>«%1» không hợp lệ; phải là %2</source>
        <translation>«%1» is not valid; must be %2</translation>
    </message>
</context>
<context>
    <name>domain.satisfaction</name>
    <message>
        <source>Rất hài lòng</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Bình thường</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Không hài lòng</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>Rất không hài lòng</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <source>Thang đánh giá phải có 3, 4 hoặc 5 mức, không phải %1</source>
        <translation>The rating scale must have 3, 4 or 5 levels, not %1</translation>
    </message>
    <message>
        <source>Mức %1</source>
        <translation>Level %1</translation>
    </message>
    <message>
        <source>Cần đúng %1 phím cho thang %2 mức (cách nhau bởi dấu phẩy)</source>
        <translation>Exactly %1 keys are needed for a %2-level scale (separated by commas)</translation>
    </message>
    <message>
        <source>Mỗi phím là một ký tự, không trùng nhau</source>
        <translation>Each key is one character, with no repeats</translation>
    </message>
</context>
<context>
    <name>domain.supplement</name>
    <message>
        <source>Giấy tờ cần bổ sung, dòng %1: chưa có tên (ghi «Tên giấy tờ» hoặc «Tên giấy tờ:chính|sao|photo:số lượng»)</source>
        <translation>Documents to supplement, line %1: no name yet (write «Document name» or «Document name:chính|sao|photo:quantity»)</translation>
    </message>
    <message>
        <source>Giấy tờ cần bổ sung, dòng %1: số lượng phải từ 1 đến %2</source>
        <translation>Documents to supplement, line %1: the quantity must be from 1 to %2</translation>
    </message>
    <message>
        <source>Ghi ít nhất một giấy tờ cần bổ sung, hoàn thiện</source>
        <translation>Enter at least one document to supplement or complete</translation>
    </message>
</context>
<context>
    <name>domain.text</name>
    <message>
        <source>%1 giây</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 phút %2 giây</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 phút</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 giờ %2 phút</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>domain.validators</name>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Họ tên chủ hồ sơ</source>
        <translation>Full name of the dossier owner</translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation>Citizen ID number</translation>
    </message>
    <message>
        <source>Số CCCD chủ hồ sơ</source>
        <translation>Citizen ID number of the dossier owner</translation>
    </message>
    <message>
        <source>Số điện thoại</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Mã số thuế</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <source>Năm sinh</source>
        <translation>Year of birth</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Loại người nộp</source>
        <translation>Type of applicant</translation>
    </message>
    <message>
        <source>Hình thức nộp</source>
        <translation>Submission channel</translation>
    </message>
    <message>
        <source>Mức độ trực tuyến</source>
        <translation>Online level</translation>
    </message>
    <message>
        <source>Số bộ hồ sơ</source>
        <translation>Number of sets</translation>
    </message>
    <message>
        <source>Giấy tờ</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Địa chỉ nhận kết quả</source>
        <translation>Address for the result</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Giải quyết tại chỗ</source>
        <translation>Settled on the spot</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Mã thủ tục</source>
        <translation>Procedure code</translation>
    </message>
    <message>
        <source>Mã cơ quan</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <source>Thời điểm tiếp nhận</source>
        <translation>Time of reception</translation>
    </message>
    <message>
        <source>Ngày hẹn trả</source>
        <translation>Return date</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Thời điểm có kết quả</source>
        <translation>Time of the result</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Thời điểm hủy</source>
        <translation>Time of cancellation</translation>
    </message>
    <message>
        <source>Thời điểm trả kết quả</source>
        <translation>Time the result was returned</translation>
    </message>
    <message>
        <source>Thời điểm tạm dừng</source>
        <translation>Time of the pause</translation>
    </message>
    <message>
        <source>Trả kết quả qua bưu chính</source>
        <translation>Result returned by post</translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Tên cơ quan</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <source>Mã định danh cơ quan</source>
        <translation>Agency identifier</translation>
    </message>
    <message>
        <source>Loại cơ quan</source>
        <translation>Type of agency</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <source>Đơn vị thời hạn</source>
        <translation>Unit of the processing time</translation>
    </message>
    <message>
        <source>Giờ chốt nhận</source>
        <translation>Cut-off hour</translation>
    </message>
    <message>
        <source>Cách tính khi bổ sung</source>
        <translation>Clock on a supplement</translation>
    </message>
    <message>
        <source>Nhận, trả qua bưu chính</source>
        <translation>Receipt and return by post</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Giấy tờ cần bổ sung</source>
        <translation>Documents to supplement</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>nam</source>
        <translation>male</translation>
    </message>
    <message>
        <source>nữ</source>
        <translation>female</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: có ký tự điều khiển hoặc ký tự ẩn không được phép (%2)</source>
        <translation>%1: holds control or invisible characters that are not allowed (%2)</translation>
    </message>
    <message>
        <source>%1 không được để trống</source>
        <translation>%1 must not be empty</translation>
    </message>
    <message>
        <source>%1 dài quá %2 ký tự (%3 ký tự)</source>
        <translation>%1 is longer than %2 characters (%3 characters)</translation>
    </message>
    <message>
        <source>%1 phải từ năm %2 đến năm %3 (đã nhập %4)</source>
        <translation>%1 must be from the year %2 to the year %3 (entered: %4)</translation>
    </message>
    <message>
        <source>%1 phải có từ %2 đến %3 ký tự</source>
        <translation>%1 must have %2 to %3 characters</translation>
    </message>
    <message>
        <source>%1 chỉ được gồm chữ cái, dấu cách và . - &apos; (có ký tự không hợp lệ: %2)</source>
        <translation>%1 may hold only letters, spaces and . - &apos; (invalid characters: %2)</translation>
    </message>
    <message>
        <source>%1 phải có ít nhất một chữ cái</source>
        <translation>%1 must have at least one letter</translation>
    </message>
    <message>
        <source>Số CCCD phải gồm đúng 12 chữ số</source>
        <translation>The citizen ID number must have exactly 12 digits</translation>
    </message>
    <message>
        <source>Số CCCD cho năm sinh %1, sau năm hiện tại (%2): kiểm tra lại chữ số thứ tư (thế kỷ) và hai chữ số năm sinh</source>
        <translation>The citizen ID number gives the year of birth %1, after the current year (%2): check the fourth digit (century) and the two digits of the year of birth</translation>
    </message>
    <message>
        <source>Mã tỉnh %1 của số CCCD không thuộc 63 tỉnh, thành phố</source>
        <translation>The province code %1 of the citizen ID number is not one of the 63 provinces and cities</translation>
    </message>
    <message>
        <source>Số CCCD cho năm sinh %1 (chữ số thế kỷ %2: sinh từ %3 đến %4), không thể ứng với năm sinh đã nhập %5</source>
        <translation>The citizen ID number gives the year of birth %1 (century digit %2: born from %3 to %4), which cannot match the year of birth entered, %5</translation>
    </message>
    <message>
        <source>Số CCCD cho năm sinh %1, không khớp với năm sinh đã nhập %2</source>
        <translation>The citizen ID number gives the year of birth %1, which does not match the year of birth entered, %2</translation>
    </message>
    <message>
        <source>Số CCCD cho giới tính %1, không khớp với giới tính đã nhập (%2)</source>
        <translation>The citizen ID number gives the sex %1, which does not match the sex entered (%2)</translation>
    </message>
    <message>
        <source>Số CMND phải gồm đúng 9 chữ số</source>
        <translation>The identity card (CMND) number must have exactly 9 digits</translation>
    </message>
    <message>
        <source>Số điện thoại không được để trống</source>
        <translation>The phone number must not be empty</translation>
    </message>
    <message>
        <source>Số điện thoại không hợp lệ: di động gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09; cố định gồm 11 chữ số bắt đầu bằng 02</source>
        <translation>Invalid phone number: a mobile number has 10 digits starting with 03, 05, 07, 08 or 09; a landline has 11 digits starting with 02</translation>
    </message>
    <message>
        <source>Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu - và 3 chữ số (đơn vị phụ thuộc)</source>
        <translation>The tax code must have 10 digits, or 10 digits, a dash and 3 digits (a branch)</translation>
    </message>
    <message>
        <source>Mã số thuế không hợp lệ (số thứ tự toàn chữ số 0, hoặc đơn vị phụ thuộc 000; đơn vị phụ thuộc phải từ 001 đến 999)</source>
        <translation>Invalid tax code (a sequence of only zeros, or branch 000; the branch must be from 001 to 999)</translation>
    </message>
    <message>
        <source>Mã số thuế không hợp lệ (sai chữ số kiểm tra), vui lòng kiểm tra lại</source>
        <translation>Invalid tax code (wrong check digit), please check it again</translation>
    </message>
    <message>
        <source>Thư điện tử không được để trống</source>
        <translation>The e-mail address must not be empty</translation>
    </message>
    <message>
        <source>Thư điện tử không hợp lệ (ví dụ đúng: ten@example.vn)</source>
        <translation>Invalid e-mail address (a valid example: name@example.vn)</translation>
    </message>
</context>
<context>
    <name>dossier_actions</name>
    <message>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)</source>
        <translation>Request to supplement and complete the dossier (Form 02)</translation>
    </message>
    <message>
        <source>Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)</source>
        <translation>Refusal to receive and process the dossier (Form 03)</translation>
    </message>
    <message>
        <source>Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (Mẫu 04)</source>
        <translation>Apology and request to extend the processing time (Form 04)</translation>
    </message>
    <message>
        <source>Thông báo dừng giải quyết hồ sơ (Mẫu 05)</source>
        <translation>Notice that processing of the dossier has stopped (Form 05)</translation>
    </message>
    <message>
        <source>Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 06)</source>
        <translation>Processing control slip (Form 06)</translation>
    </message>
    <message>
        <source>Tiền mặt</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Chuyển khoản</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <source>Thẻ</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Chưa lưu: hãy sửa các ô được đánh dấu đỏ.</source>
        <translation>Not saved: correct the fields marked in red.</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>Không mở được %1</source>
        <translation>Could not open %1</translation>
    </message>
    <message>
        <source>Quầy số %1</source>
        <translation>Counter %1</translation>
    </message>
    <message>
        <source>Không mở được bàn phím đánh giá</source>
        <translation>Could not open the rating keypad</translation>
    </message>
</context>
<context>
    <name>services.accounts</name>
    <message>
        <source>Tên đăng nhập gồm 2–64 ký tự: chữ thường không dấu, số, . _ -</source>
        <translation>A login has 2–64 characters: lowercase letters without accents, digits, . _ -</translation>
    </message>
    <message>
        <source>Họ và tên phải có từ 2 đến 200 ký tự</source>
        <translation>The full name must have 2 to 200 characters</translation>
    </message>
    <message>
        <source>Vai trò phải là officer, supervisor hoặc admin</source>
        <translation>The role must be officer, supervisor or admin</translation>
    </message>
    <message>
        <source>thêm tài khoản</source>
        <translation>add accounts</translation>
    </message>
    <message>
        <source>Tên đăng nhập «%1» đã có</source>
        <translation>The login «%1» already exists</translation>
    </message>
    <message>
        <source>Tài khoản đầu tiên chỉ được tạo bằng tài khoản chủ cơ sở dữ liệu (tài khoản bảo trì)</source>
        <translation>The first account can only be created with the database owner account (the maintenance account)</translation>
    </message>
    <message>
        <source>sửa tài khoản</source>
        <translation>edit accounts</translation>
    </message>
    <message>
        <source>Không tìm thấy tài khoản</source>
        <translation>Account not found</translation>
    </message>
    <message>
        <source>đổi mật khẩu của người khác</source>
        <translation>change another person&apos;s password</translation>
    </message>
    <message>
        <source>đổi mật khẩu</source>
        <translation>change the password</translation>
    </message>
    <message>
        <source>Không có tài khoản «%1»</source>
        <translation>There is no account «%1»</translation>
    </message>
    <message>
        <source>xem danh sách tài khoản</source>
        <translation>see the list of accounts</translation>
    </message>
    <message>
        <source>Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đang tạm khóa do nhập sai nhiều lần: thử lại sau %1 phút hoặc nhờ quản trị viên đặt lại mật khẩu</source>
        <translation>Wrong login or password, or the account is locked for a while after too many wrong attempts: try again in %1 minutes or ask an administrator to reset the password</translation>
    </message>
    <message>
        <source>Tài khoản đã bị ngừng hoạt động: phiên làm việc kết thúc, hãy đăng nhập lại bằng tài khoản đang hoạt động</source>
        <translation>The account has been deactivated: the session has ended, sign in again with an active account</translation>
    </message>
    <message>
        <source>Không có tài khoản số %1</source>
        <translation>There is no account number %1</translation>
    </message>
    <message>
        <source>Không có tài khoản «%1» đang hoạt động</source>
        <translation>There is no active account «%1»</translation>
    </message>
</context>
<context>
    <name>services.autostart</name>
    <message>
        <source>Không tìm thấy thư mục Startup của người dùng (biến APPDATA trống)</source>
        <translation>The user&apos;s Startup folder was not found (the APPDATA variable is empty)</translation>
    </message>
    <message>
        <source>Tự khởi động cùng máy tính chưa hỗ trợ trên macOS</source>
        <translation>Starting with the computer is not supported on macOS yet</translation>
    </message>
    <message>
        <source>Đường dẫn có dấu ngoặc kép, không dùng được trên Windows: %1</source>
        <translation>The path contains a double quote and cannot be used on Windows: %1</translation>
    </message>
</context>
<context>
    <name>services.catalog</name>
    <message>
        <source>sửa danh mục cơ quan</source>
        <translation>edit the list of agencies</translation>
    </message>
    <message>
        <source>Mã cơ quan gồm 1–32 chữ cái, số, gạch</source>
        <translation>An agency code has 1–32 letters, digits or dashes</translation>
    </message>
    <message>
        <source>Tên cơ quan phải có từ 2 đến 300 ký tự</source>
        <translation>The agency name must have 2 to 300 characters</translation>
    </message>
    <message>
        <source>Mã định danh chỉ gồm chữ, số và dấu chấm (vd. 000.00.06.H33)</source>
        <translation>The identifier has only letters, digits and dots (e.g. 000.00.06.H33)</translation>
    </message>
    <message>
        <source>Loại cơ quan không hợp lệ</source>
        <translation>The agency type is not valid</translation>
    </message>
    <message>
        <source>Mã cơ quan «%1» đã có</source>
        <translation>The agency code «%1» already exists</translation>
    </message>
    <message>
        <source>Mã định danh «%1» đã dùng cho cơ quan khác</source>
        <translation>The identifier «%1» is already used by another agency</translation>
    </message>
    <message>
        <source>Không tìm thấy cơ quan</source>
        <translation>Agency not found</translation>
    </message>
    <message>
        <source>Không có cơ quan mã «%1»</source>
        <translation>There is no agency with the code «%1»</translation>
    </message>
    <message>
        <source>Không tìm thấy thủ tục</source>
        <translation>Procedure not found</translation>
    </message>
    <message>
        <source>sửa danh mục thủ tục</source>
        <translation>edit the procedure catalogue</translation>
    </message>
    <message>
        <source>Mã thủ tục «%1» đã có</source>
        <translation>The procedure code «%1» already exists</translation>
    </message>
    <message>
        <source>nhập danh mục thủ tục</source>
        <translation>import the procedure catalogue</translation>
    </message>
    <message>
        <source>mã định danh đã dùng cho cơ quan %1</source>
        <translation>the identifier is already used by agency %1</translation>
    </message>
</context>
<context>
    <name>services.catalog_io</name>
    <message>
        <source>Tệp %1 có %2 lỗi, chưa nhập gì: %3</source>
        <translation>The file %1 has %2 errors, nothing was imported: %3</translation>
    </message>
    <message>
        <source>Họ tên thủ trưởng cơ quan tối đa %1 ký tự</source>
        <translation>The agency head&apos;s full name has at most %1 characters</translation>
    </message>
    <message>
        <source>Chức vụ thủ trưởng cơ quan tối đa %1 ký tự</source>
        <translation>The agency head&apos;s title has at most %1 characters</translation>
    </message>
    <message>
        <source>Ghi họ tên thủ trưởng cơ quan (đã có chức vụ)</source>
        <translation>Enter the agency head&apos;s full name (the title is filled in)</translation>
    </message>
    <message>
        <source>không phải văn bản UTF-8 (byte lạ ở vị trí %1)</source>
        <translation>not UTF-8 text (unexpected byte at position %1)</translation>
    </message>
    <message>
        <source>có ô dài quá %1 ký tự</source>
        <translation>a cell is longer than %1 characters</translation>
    </message>
    <message>
        <source>không đọc được dạng CSV (%1)</source>
        <translation>cannot be read as CSV (%1)</translation>
    </message>
    <message>
        <source>Không đọc được tệp %1: %2</source>
        <translation>Cannot read the file %1: %2</translation>
    </message>
    <message>
        <source>Tệp %1: chỉ nhận .csv hoặc .xlsx</source>
        <translation>File %1: only .csv or .xlsx files are accepted</translation>
    </message>
    <message>
        <source>Tệp %1 không phải XLSX hợp lệ: %2</source>
        <translation>The file %1 is not a valid XLSX file: %2</translation>
    </message>
    <message>
        <source>Tệp %1: quá lớn cho một danh mục (%2 MB khi giải nén; tối đa %3 dòng thủ tục, %4 MB)</source>
        <translation>File %1: too large for a catalogue (%2 MB unzipped; at most %3 procedure rows, %4 MB)</translation>
    </message>
    <message>
        <source>Tệp %1: quá %2 dòng thủ tục (tệp khai báo hoặc có %3 dòng); tách tệp hoặc kiểm tra lại</source>
        <translation>File %1: more than %2 procedure rows (the file declares or holds %3 rows); split the file or check it again</translation>
    </message>
    <message>
        <source>Tệp %1: thiếu cột %2</source>
        <translation>File %1: missing columns %2</translation>
    </message>
    <message>
        <source>mã thủ tục «%1» trùng với dòng %2</source>
        <translation>the procedure code «%1» is the same as on line %2</translation>
    </message>
    <message>
        <source>thiếu mã cơ quan (tối đa 32 ký tự)</source>
        <translation>the agency code is missing (at most 32 characters)</translation>
    </message>
    <message>
        <source>tên cơ quan phải có từ 2 đến 300 ký tự</source>
        <translation>the agency name must have 2 to 300 characters</translation>
    </message>
    <message>
        <source>mã định danh cơ quan chỉ gồm chữ, số và dấu chấm</source>
        <translation>the agency identifier has only letters, digits and dots</translation>
    </message>
    <message>
        <source>loại cơ quan phải là department hoặc company</source>
        <translation>the agency type must be department or company</translation>
    </message>
    <message>
        <source>cơ quan %1 được ghi khác với dòng trước (tên, mã định danh hoặc loại)</source>
        <translation>agency %1 is written differently than on an earlier line (name, identifier or type)</translation>
    </message>
    <message>
        <source>chưa có thời hạn giải quyết</source>
        <translation>the processing time is missing</translation>
    </message>
    <message>
        <source>«%1» không phải số nguyên</source>
        <translation>«%1» is not a whole number</translation>
    </message>
    <message>
        <source>giờ «%1» phải có dạng HH:MM</source>
        <translation>the time «%1» must be written as HH:MM</translation>
    </message>
    <message>
        <source>phải là 0 hoặc 1</source>
        <translation>must be 0 or 1</translation>
    </message>
    <message>
        <source>giấy tờ thứ %1 phải có dạng loại|số lượng|tên</source>
        <translation>document %1 must be written as type|count|name</translation>
    </message>
    <message>
        <source>Tệp %1: chỉ xuất ra .csv hoặc .xlsx</source>
        <translation>File %1: only .csv or .xlsx can be exported</translation>
    </message>
</context>
<context>
    <name>services.connection_check</name>
    <message>
        <source>Sai mật khẩu của người dùng «%1» trên máy chủ %2.</source>
        <translation>Wrong password for the user «%1» on the server %2.</translation>
    </message>
    <message>
        <source>Máy chủ %1 yêu cầu mật khẩu cho «%2»: hãy nhập mật khẩu.</source>
        <translation>The server %1 requires a password for «%2»: enter the password.</translation>
    </message>
    <message>
        <source>Máy chủ %1 từ chối người dùng «%2» (không có tài khoản này, hoặc tài khoản không được phép kết nối từ máy này).</source>
        <translation>The server %1 refuses the user «%2» (there is no such account, or the account may not connect from this computer).</translation>
    </message>
    <message>
        <source>Máy chủ %1 không có cơ sở dữ liệu «%2».</source>
        <translation>The server %1 has no database «%2».</translation>
    </message>
    <message>
        <source>Không lập được kết nối mã hóa (TLS) với %1 theo chứng chỉ CA «%2»: máy chủ chưa bật TLS, chứng chỉ của nó không do CA này cấp, hoặc không mang tên «%3».</source>
        <translation>Could not set up an encrypted (TLS) connection to %1 with the CA certificate «%2»: the server has TLS turned off, its certificate was not issued by this CA, or it does not carry the name «%3».</translation>
    </message>
    <message>
        <source>Máy chủ %1 từ chối kết nối: PostgreSQL không chạy ở đó, hoặc sai cổng.</source>
        <translation>The server %1 refuses the connection: PostgreSQL is not running there, or the port is wrong.</translation>
    </message>
    <message>
        <source>Không có phản hồi từ %1: sai địa chỉ, máy chủ đang tắt, hoặc tường lửa chặn cổng.</source>
        <translation>No answer from %1: the address is wrong, the server is off, or a firewall blocks the port.</translation>
    </message>
    <message>
        <source>Không có đường mạng tới %1: kiểm tra cáp mạng và địa chỉ máy chủ.</source>
        <translation>No network route to %1: check the network cable and the server address.</translation>
    </message>
    <message>
        <source>Không tìm thấy máy chủ tên «%1» trên mạng: kiểm tra lại tên hoặc dùng địa chỉ IP.</source>
        <translation>No server named «%1» was found on the network: check the name or use the IP address.</translation>
    </message>
    <message>
        <source>Không kết nối được máy chủ %1: %2</source>
        <translation>Cannot connect to the server %1: %2</translation>
    </message>
    <message>
        <source>Không kết nối được máy chủ %1.</source>
        <translation>Cannot connect to the server %1.</translation>
    </message>
    <message>
        <source>cơ sở dữ liệu «%1» trên %2</source>
        <translation>the database «%1» on %2</translation>
    </message>
    <message>
        <source>Kết nối được %1 nhưng không đọc được phiên bản lược đồ: %2</source>
        <translation>Connected to %1 but the schema version cannot be read: %2</translation>
    </message>
    <message>
        <source>Chưa có cơ sở dữ liệu trên máy này (%1): chạy «motcua db upgrade» để tạo, hoặc «motcua demo» để chạy thử.</source>
        <translation>There is no database on this computer yet (%1): run «motcua db upgrade» to create it, or «motcua demo» to try the program.</translation>
    </message>
    <message>
        <source>cơ sở dữ liệu trên máy này (%1)</source>
        <translation>the database on this computer (%1)</translation>
    </message>
    <message>
        <source>Không đọc được cơ sở dữ liệu trên máy này (%1): %2</source>
        <translation>Cannot read the database on this computer (%1): %2</translation>
    </message>
    <message>
        <source>Kết nối được %1; lược đồ ở bản mới nhất (%2).</source>
        <translation>Connected to %1; the schema is at the latest version (%2).</translation>
    </message>
    <message>
        <source>Kết nối được, nhưng %1 còn trống (chưa khởi tạo lược đồ): chạy «motcua db upgrade».</source>
        <translation>Connected, but %1 is empty (no schema yet): run «motcua db upgrade».</translation>
    </message>
    <message>
        <source>Kết nối được, nhưng lược đồ của %1 ở bản %2, phần mềm cần bản %3: chạy «motcua db upgrade».</source>
        <translation>Connected, but the schema of %1 is at version %2 and the software needs version %3: run «motcua db upgrade».</translation>
    </message>
    <message>
        <source>Kết nối được, nhưng %1 ở bản %2, mới hơn phần mềm trên máy này (bản %3): hãy cập nhật motcua.</source>
        <translation>Connected, but %1 is at version %2, newer than the software on this computer (version %3): update motcua.</translation>
    </message>
</context>
<context>
    <name>services.context</name>
    <message>
        <source>làm việc không cần đăng nhập cán bộ</source>
        <translation>work without an officer signing in</translation>
    </message>
</context>
<context>
    <name>services.daily_review.exports</name>
    <message>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Số</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Vắng</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Chờ TB</source>
        <translation>Wait avg</translation>
    </message>
    <message>
        <source>Chờ TV</source>
        <translation>Wait median</translation>
    </message>
    <message>
        <source>Chờ P90</source>
        <translation>Wait P90</translation>
    </message>
    <message>
        <source>PV TB</source>
        <translation>Service avg</translation>
    </message>
    <message>
        <source>PV TV</source>
        <translation>Service median</translation>
    </message>
    <message>
        <source>PV P90</source>
        <translation>Service P90</translation>
    </message>
    <message>
        <source>Theo dịch vụ</source>
        <translation>By service</translation>
    </message>
    <message>
        <source>Theo quầy</source>
        <translation>By counter</translation>
    </message>
    <message>
        <source>Theo cán bộ</source>
        <translation>By officer</translation>
    </message>
    <message>
        <source>Theo giờ lấy số</source>
        <translation>By hour of issue</translation>
    </message>
    <message>
        <source>Số đã lấy theo giờ</source>
        <translation>Tickets issued per hour</translation>
    </message>
    <message>
        <source>Số đã lấy</source>
        <translation>Tickets issued</translation>
    </message>
    <message>
        <source>số</source>
        <translation>tickets</translation>
    </message>
    <message>
        <source>Thời gian chờ trung bình theo giờ</source>
        <translation>Average wait per hour</translation>
    </message>
    <message>
        <source>phút</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>Đánh giá theo quầy</source>
        <translation>Ratings per counter</translation>
    </message>
    <message>
        <source>Quầy %1</source>
        <translation>Counter %1</translation>
    </message>
    <message>
        <source>lượt</source>
        <translation>votes</translation>
    </message>
</context>
<context>
    <name>services.daily_review.queries</name>
    <message>
        <source>(không rõ)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>xem báo cáo trong ngày</source>
        <translation>see the day&apos;s report</translation>
    </message>
    <message>
        <source>Quầy %1</source>
        <translation>Counter %1</translation>
    </message>
    <message>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>theo dõi hàng chờ</source>
        <translation>follow the queues</translation>
    </message>
</context>
<context>
    <name>services.demo</name>
    <message>
        <source>nạp dữ liệu mẫu</source>
        <translation>load the demo data</translation>
    </message>
</context>
<context>
    <name>services.device_check</name>
    <message>
        <source>Đã in trang thử ra %1</source>
        <translation>Test page printed on %1</translation>
    </message>
</context>
<context>
    <name>services.dossier_csv</name>
    <message>
        <source>Không đọc được tệp %1: %2</source>
        <translation>Cannot read file %1: %2</translation>
    </message>
    <message>
        <source>thiếu cột</source>
        <translation>column missing</translation>
    </message>
    <message>
        <source>cột lạ</source>
        <translation>unknown column</translation>
    </message>
    <message>
        <source>không có thủ tục mã «%1»</source>
        <translation>no procedure with code «%1»</translation>
    </message>
    <message>
        <source>không có cơ quan mã «%1»</source>
        <translation>no agency with code «%1»</translation>
    </message>
    <message>
        <source>Mã hồ sơ: không có cơ quan mã định danh «%1»</source>
        <translation>Dossier code: no agency with identifier «%1»</translation>
    </message>
    <message>
        <source>Mã hồ sơ thuộc cơ quan %1, không phải cơ quan giải quyết của dòng này (%2)</source>
        <translation>The dossier code belongs to agency %1, not to the resolving agency of this line (%2)</translation>
    </message>
    <message>
        <source>Mã hồ sơ ghi ngày %1, khác ngày tiếp nhận %2</source>
        <translation>The dossier code gives the date %1, which differs from the reception date %2</translation>
    </message>
    <message>
        <source>dòng có nhiều ô hơn tiêu đề</source>
        <translation>the line has more cells than the header</translation>
    </message>
    <message>
        <source>trùng mã hồ sơ với dòng %1</source>
        <translation>same dossier code as line %1</translation>
    </message>
    <message>
        <source>nhập hồ sơ từ tệp</source>
        <translation>import dossiers from a file</translation>
    </message>
</context>
<context>
    <name>services.dossier_forms</name>
    <message>
        <source>%1 ngày làm việc</source>
        <translation>%1 working days</translation>
    </message>
    <message>
        <source>%1 ngày</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>%1 giờ làm việc</source>
        <translation>%1 working hours</translation>
    </message>
    <message>
        <source>Trong ngày</source>
        <translation>Same day</translation>
    </message>
    <message>
        <source>Hồ sơ %1 chưa được tiếp nhận («%2»): chưa có giấy tiếp nhận và hẹn trả kết quả (Mẫu 01)</source>
        <translation>Dossier %1 has not been received («%2»): it has no receipt and result appointment (Form 01) yet</translation>
    </message>
    <message>
        <source>Chưa hỗ trợ Mẫu %1; có Mẫu 01, 02, 03</source>
        <translation>Form %1 is not supported; available: Forms 01, 02, 03</translation>
    </message>
    <message>
        <source>Hồ sơ %1 chưa có yêu cầu bổ sung; Mẫu 02 được in khi yêu cầu bổ sung (motcua dossier request-supplement CODE --reason … --missing …)</source>
        <translation>Dossier %1 has no supplement request; Form 02 is printed when a supplement is requested (motcua dossier request-supplement CODE --reason … --missing …)</translation>
    </message>
    <message>
        <source>Không in Mẫu 03 cho hồ sơ %1 đang ở trạng thái «%2»: Mẫu 03 chỉ dành cho hồ sơ bị từ chối tiếp nhận hoặc không được tiếp nhận</source>
        <translation>Form 03 cannot be printed for dossier %1 in state «%2»: Form 03 is only for dossiers refused or not accepted at reception</translation>
    </message>
    <message>
        <source>in phiếu bổ sung / từ chối hồ sơ</source>
        <translation>print supplement or refusal slips</translation>
    </message>
    <message>
        <source>Hồ sơ chưa tiếp nhận chỉ in Mẫu 02 hoặc 03, không phải %1</source>
        <translation>A dossier not received can only get Form 02 or 03, not %1</translation>
    </message>
    <message>
        <source>Ghi tên người nộp để in trên phiếu</source>
        <translation>Enter the applicant&apos;s name to print on the slip</translation>
    </message>
    <message>
        <source>Ghi lý do cụ thể của việc từ chối tiếp nhận hồ sơ</source>
        <translation>Enter the specific reason for refusing the dossier</translation>
    </message>
    <message>
        <source>Ghi lý do yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation>Enter the reason for asking to supplement or complete the dossier</translation>
    </message>
    <message>
        <source>Chọn thủ tục trước khi in phiếu</source>
        <translation>Choose a procedure before printing the slip</translation>
    </message>
    <message>
        <source>Không tìm thấy phiếu số thứ tự để ghi nhận</source>
        <translation>Queue ticket to record this on not found</translation>
    </message>
</context>
<context>
    <name>services.dossiers</name>
    <message>
        <source>tiếp nhận hồ sơ</source>
        <translation>receive dossiers</translation>
    </message>
    <message>
        <source>Không tìm thấy phiếu số thứ tự để gắn với hồ sơ</source>
        <translation>Queue ticket to link with the dossier not found</translation>
    </message>
    <message>
        <source>Mã yêu cầu %1 đã dùng để tiếp nhận hồ sơ %2 của một thủ tục khác; hãy mở biểu mẫu mới</source>
        <translation>Request ID %1 was already used to receive dossier %2 of another procedure; open a new form</translation>
    </message>
    <message>
        <source>Không tìm thấy thủ tục</source>
        <translation>Procedure not found</translation>
    </message>
    <message>
        <source>Thủ tục «%1» đã ngừng áp dụng</source>
        <translation>Procedure «%1» is no longer in use</translation>
    </message>
    <message>
        <source>Không tìm thấy hồ sơ «%1»</source>
        <translation>Dossier «%1» not found</translation>
    </message>
    <message>
        <source>Không có thủ tục mã «%1»</source>
        <translation>No procedure with code «%1»</translation>
    </message>
    <message>
        <source>Hôm nay không có phiếu số %1</source>
        <translation>There is no ticket number %1 today</translation>
    </message>
</context>
<context>
    <name>services.fees</name>
    <message>
        <source>Ngày kết thúc phải từ ngày bắt đầu trở đi</source>
        <translation>The end date must be on or after the start date</translation>
    </message>
</context>
<context>
    <name>services.hall</name>
    <message>
        <source>Mã dịch vụ gồm 1–16 chữ cái hoặc số</source>
        <translation>A service code has 1–16 letters or digits</translation>
    </message>
    <message>
        <source>Tên dịch vụ phải có từ 2 đến 200 ký tự</source>
        <translation>The service name must have 2 to 200 characters</translation>
    </message>
    <message>
        <source>Tên tiếng Anh của dịch vụ tối đa 200 ký tự</source>
        <translation>A service&apos;s English name has at most 200 characters</translation>
    </message>
    <message>
        <source>Tiền tố số là 0–4 chữ cái không dấu</source>
        <translation>The number prefix is 0–4 letters without accents</translation>
    </message>
    <message>
        <source>Dải số phải có số đầu nhỏ hơn số cuối (0–999999)</source>
        <translation>The first number of the range must be smaller than the last (0–999999)</translation>
    </message>
    <message>
        <source>Giới hạn số phiếu mỗi ngày phải lớn hơn 0 (hoặc để trống)</source>
        <translation>The daily ticket limit must be greater than 0 (or left empty)</translation>
    </message>
    <message>
        <source>Thời gian phục vụ trung bình từ 1 đến 240 phút</source>
        <translation>The average service time is 1 to 240 minutes</translation>
    </message>
    <message>
        <source>sửa dịch vụ xếp hàng</source>
        <translation>edit the queue services</translation>
    </message>
    <message>
        <source>Mã dịch vụ «%1» đã có</source>
        <translation>The service code «%1» already exists</translation>
    </message>
    <message>
        <source>Không tìm thấy dịch vụ</source>
        <translation>Service not found</translation>
    </message>
    <message>
        <source>Có cơ quan không còn trong danh mục</source>
        <translation>An agency is no longer in the catalogue</translation>
    </message>
    <message>
        <source>sửa quầy</source>
        <translation>edit counters</translation>
    </message>
    <message>
        <source>Số quầy từ 1 đến 999</source>
        <translation>The counter number is 1 to 999</translation>
    </message>
    <message>
        <source>Tên quầy không được để trống</source>
        <translation>The counter name must not be empty</translation>
    </message>
    <message>
        <source>Quầy số %1 đã có</source>
        <translation>Counter number %1 already exists</translation>
    </message>
    <message>
        <source>Có dịch vụ không còn trong danh mục</source>
        <translation>A service is no longer in the catalogue</translation>
    </message>
    <message>
        <source>Không tìm thấy quầy</source>
        <translation>Counter not found</translation>
    </message>
</context>
<context>
    <name>services.lifecycle</name>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Đơn vị nhận hồ sơ</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <source>Số hiệu bưu gửi</source>
        <translation>Postal tracking number</translation>
    </message>
    <message>
        <source>Người nhận kết quả</source>
        <translation>Result collected by</translation>
    </message>
    <message>
        <source>Số biên lai</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>Hình thức nộp tiền</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Cần ghi %1 để %2</source>
        <translation>Enter %1 to %2</translation>
    </message>
    <message>
        <source>Hồ sơ không đăng ký nhận kết quả qua bưu chính; hãy trả kết quả tại quầy</source>
        <translation>The dossier is not registered to receive its result by post; hand the result over at the counter</translation>
    </message>
    <message>
        <source>Cần ghi số biên lai thu phí, lệ phí</source>
        <translation>Enter the receipt number of the fees and charges</translation>
    </message>
    <message>
        <source>«%1» không phải ngày dạng YYYY-MM-DD</source>
        <translation>«%1» is not a date in the form YYYY-MM-DD</translation>
    </message>
    <message>
        <source>thu phí, lệ phí</source>
        <translation>collect fees and charges</translation>
    </message>
    <message>
        <source>Số tiền phải là số nguyên đồng lớn hơn 0</source>
        <translation>The amount must be a whole number of đồng greater than 0</translation>
    </message>
    <message>
        <source>Hình thức nộp phải là một trong: %1</source>
        <translation>The payment method must be one of: %1</translation>
    </message>
    <message>
        <source>Không thu phí cho hồ sơ đang ở trạng thái «%1»</source>
        <translation>No fee can be collected for a dossier in state «%1»</translation>
    </message>
    <message>
        <source>Số ngày làm việc phải từ 0 trở lên</source>
        <translation>The number of working days must be 0 or more</translation>
    </message>
</context>
<context>
    <name>services.lifecycle_forms</name>
    <message>
        <source>Mẫu %1 do thủ trưởng %2 ký: chưa ghi họ tên, chức vụ thủ trưởng cơ quan (cửa sổ Quản trị → Danh mục → Sửa cơ quan, hoặc motcua catalog agency MÃ --head-name … --head-title …)</source>
        <translation>Form %1 is signed by the head of %2: the head&apos;s name and title are not recorded yet (Centre administration window → Procedure catalogue → Edit agency, or motcua catalog agency CODE --head-name … --head-title …)</translation>
    </message>
    <message>
        <source>Chưa hỗ trợ Mẫu %1; có Mẫu 04, 05, 06</source>
        <translation>Form %1 is not supported; available: Forms 04, 05, 06</translation>
    </message>
    <message>
        <source>Hồ sơ %1 chưa có xin lỗi, hẹn lại ngày trả (Mẫu 04)</source>
        <translation>Dossier %1 has no apology with a new return date (Form 04)</translation>
    </message>
    <message>
        <source>Hồ sơ %1 chưa bị dừng giải quyết (Mẫu 05)</source>
        <translation>Processing of dossier %1 has not been stopped (Form 05)</translation>
    </message>
    <message>
        <source>Hồ sơ %1 chưa được tiếp nhận («%2»): chưa có phiếu kiểm soát quá trình giải quyết (Mẫu 06)</source>
        <translation>Dossier %1 has not been received («%2»): it has no processing control slip (Form 06) yet</translation>
    </message>
</context>
<context>
    <name>services.offline</name>
    <message>
        <source>Loại ưu tiên không hợp lệ: %1</source>
        <translation>Invalid priority type: %1</translation>
    </message>
    <message>
        <source>Không có dịch vụ mã «%1»</source>
        <translation>No service with code «%1»</translation>
    </message>
    <message>
        <source>Mất kết nối tới máy chủ và máy này đã dùng hết số dự phòng của dịch vụ «%1»; xin mời tới quầy hướng dẫn</source>
        <translation>Connection to the server lost and this machine has used up its reserved numbers for service «%1»; please go to the information desk</translation>
    </message>
    <message>
        <source>Dịch vụ «%1» đã hết số hôm nay (%2 số); xin mời quay lại vào ngày làm việc tiếp theo</source>
        <translation>Service «%1» has no numbers left today (%2 numbers); please come back on the next working day</translation>
    </message>
    <message>
        <source>Mã vừa quét không phải mã hồ sơ trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả</source>
        <translation>The code scanned is not a dossier code from a receipt and appointment slip</translation>
    </message>
    <message>
        <source>Xin mời chạm vào lĩnh vực của hồ sơ trên màn hình để lấy số nhận kết quả</source>
        <translation>Please touch the dossier&apos;s field on the screen to get a number for collecting the result</translation>
    </message>
    <message>
        <source>Không có thủ tục mã «%1»</source>
        <translation>No procedure with code «%1»</translation>
    </message>
    <message>
        <source>Thủ tục «%1» đã ngừng áp dụng</source>
        <translation>Procedure «%1» is no longer in use</translation>
    </message>
    <message>
        <source>Mã yêu cầu %1 đã dùng cho một hồ sơ tiếp nhận tại máy này; hãy mở biểu mẫu mới</source>
        <translation>Request id %1 was already used for a dossier received on this machine; open a new form</translation>
    </message>
    <message>
        <source>Mất kết nối tới máy chủ và quầy này không còn mã hồ sơ dự phòng của «%1»; ghi phiếu tay và nhập lại khi có kết nối</source>
        <translation>Connection to the server lost and this counter has no reserved dossier codes left for «%1»; write the slip by hand and enter it when the connection is back</translation>
    </message>
    <message>
        <source>Số phiếu: hãy nhập số in trên phiếu của người dân</source>
        <translation>Ticket number: enter the number printed on the citizen&apos;s ticket</translation>
    </message>
    <message>
        <source>Quầy đang giữ số %1: hãy kết thúc hoặc đánh dấu vắng mặt trước</source>
        <translation>The counter is holding ticket %1: finish it or mark it absent first</translation>
    </message>
    <message>
        <source>Quầy %1 chưa gọi số nào</source>
        <translation>Counter %1 has not called any number</translation>
    </message>
    <message>
        <source>chuyển số</source>
        <translation>transfer tickets</translation>
    </message>
    <message>
        <source>Không có quầy số %1</source>
        <translation>No counter number %1</translation>
    </message>
    <message>
        <source>thu phí, lệ phí</source>
        <translation>collect fees and charges</translation>
    </message>
    <message>
        <source>«%1» không phải mã hồ sơ</source>
        <translation>«%1» is not a dossier code</translation>
    </message>
    <message>
        <source>Mất kết nối tới máy chủ và máy này chưa từng đồng bộ dữ liệu (danh mục, số dự phòng); chạy «motcua sync now» khi có kết nối</source>
        <translation>Connection to the server lost and this machine has never synced its data (catalogue, reserved numbers); run «motcua sync now» when connected</translation>
    </message>
    <message>
        <source>gác lại một mục chờ đồng bộ</source>
        <translation>set aside an item waiting to sync</translation>
    </message>
    <message>
        <source>Gác lại một mục chờ đồng bộ cần một cán bộ đã đăng nhập</source>
        <translation>Setting aside an item waiting to sync needs a signed-in officer</translation>
    </message>
    <message>
        <source>Cần ghi lý do gác lại (ít nhất %1 ký tự)</source>
        <translation>A reason for setting it aside is needed (at least %1 characters)</translation>
    </message>
    <message>
        <source>Mã mục «%1» không hợp lệ: cần mã của mục hoặc ít nhất %2 ký tự đầu của mã</source>
        <translation>Invalid item id “%1”: give the item&apos;s id or at least its first %2 characters</translation>
    </message>
    <message>
        <source>Không có mục chờ đồng bộ nào mang mã «%1»</source>
        <translation>No item waiting to sync has the id “%1”</translation>
    </message>
    <message>
        <source>Mã «%1» ứng với %2 mục; gõ thêm ký tự của mã</source>
        <translation>The id “%1” matches %2 items; type more of the id</translation>
    </message>
    <message>
        <source>Mục %1 đã được máy chủ nhận: không có gì để gác lại</source>
        <translation>Item %1 was taken by the server: nothing to set aside</translation>
    </message>
    <message>
        <source>Mục %1 đã được gác lại</source>
        <translation>Item %1 is already set aside</translation>
    </message>
    <message>
        <source>Mục %1 chưa bị máy chủ từ chối: chỉ gác lại được mục máy chủ không nhận</source>
        <translation>Item %1 was not refused by the server: only an item the server does not take can be set aside</translation>
    </message>
    <message>
        <source>Phiếu số %1 ngày %2 chưa có trên máy chủ</source>
        <translation>Ticket %1 of %2 is not on the server yet</translation>
    </message>
    <message>
        <source>Hồ sơ %1 chưa có trên máy chủ</source>
        <translation>Dossier %1 is not on the server yet</translation>
    </message>
    <message>
        <source>Phiếu %1 chưa có trên máy chủ</source>
        <translation>Ticket %1 is not on the server yet</translation>
    </message>
</context>
<context>
    <name>services.queue</name>
    <message>
        <source>đã gọi</source>
        <translation>called</translation>
    </message>
    <message>
        <source>đang phục vụ</source>
        <translation>being served</translation>
    </message>
    <message>
        <source>Không tìm thấy phiếu</source>
        <translation>Ticket not found</translation>
    </message>
    <message>
        <source>gọi số</source>
        <translation>call numbers</translation>
    </message>
    <message>
        <source>Quầy %1 đang có số %2 (%3): kết thúc hoặc đánh dấu vắng mặt trước khi gọi số mới</source>
        <translation>Counter %1 has number %2 (%3): finish it or mark it as a no-show before calling a new number</translation>
    </message>
    <message>
        <source>mở, tạm dừng hoặc đóng quầy</source>
        <translation>open, pause or close the counter</translation>
    </message>
    <message>
        <source>Không tìm thấy phiếu vừa quét (phiếu của hệ thống khác?)</source>
        <translation>The scanned ticket was not found (a ticket from another system?)</translation>
    </message>
    <message>
        <source>Quầy %1 đang có số %2: kết thúc hoặc đánh dấu vắng mặt trước khi gọi số %3</source>
        <translation>Counter %1 has number %2: finish it or mark it as a no-show before calling number %3</translation>
    </message>
    <message>
        <source>Phiếu số %1 là của ngày %2, không dùng được hôm nay</source>
        <translation>Ticket number %1 is from %2 and cannot be used today</translation>
    </message>
    <message>
        <source>Số %1 đang ở trạng thái «%2» tại quầy %3</source>
        <translation>Number %1 is «%2» at counter %3</translation>
    </message>
    <message>
        <source>Số %1 đang ở trạng thái «%2»</source>
        <translation>Number %1 is «%2»</translation>
    </message>
    <message>
        <source>Số %1 là của dịch vụ «%2», quầy %3 không phục vụ dịch vụ này; mời công dân đến đúng quầy</source>
        <translation>Number %1 is for the service «%2», which counter %3 does not serve; please send the citizen to the right counter</translation>
    </message>
    <message>
        <source>Số %1 được chuyển riêng cho một quầy khác</source>
        <translation>Number %1 was transferred to another counter</translation>
    </message>
    <message>
        <source>xử lý số tại quầy</source>
        <translation>handle numbers at the counter</translation>
    </message>
    <message>
        <source>Quầy %1 chưa gọi số nào</source>
        <translation>Counter %1 has not called any number</translation>
    </message>
    <message>
        <source>chuyển số</source>
        <translation>transfer numbers</translation>
    </message>
    <message>
        <source>hủy số</source>
        <translation>cancel numbers</translation>
    </message>
    <message>
        <source>Không có dịch vụ mã «%1»</source>
        <translation>No service with code «%1»</translation>
    </message>
    <message>
        <source>Không có quầy số %1</source>
        <translation>There is no counter %1</translation>
    </message>
    <message>
        <source>Không có số %1 đang chờ hoặc đang phục vụ hôm nay</source>
        <translation>No number %1 is waiting or being served today</translation>
    </message>
    <message>
        <source>Có %1 phiếu số %2 hôm nay; hãy chọn đúng phiếu tại quầy</source>
        <translation>There are %1 tickets numbered %2 today; choose the right ticket at the counter</translation>
    </message>
</context>
<context>
    <name>services.ratings</name>
    <message>
        <source>Không có quầy số %1</source>
        <translation>There is no counter %1</translation>
    </message>
</context>
<context>
    <name>services.result_return</name>
    <message>
        <source>đã được trả kết quả</source>
        <translation>has already had its result handed over</translation>
    </message>
    <message>
        <source>đã bị từ chối tiếp nhận</source>
        <translation>was refused at reception</translation>
    </message>
    <message>
        <source>đã được rút</source>
        <translation>was withdrawn</translation>
    </message>
    <message>
        <source>đã bị hủy</source>
        <translation>was cancelled</translation>
    </message>
    <message>
        <source>Mã vừa quét không phải mã hồ sơ trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả</source>
        <translation>The scanned code is not the dossier code on a dossier receipt and result appointment</translation>
    </message>
    <message>
        <source>Không tìm thấy hồ sơ mã %1. Xin vui lòng hỏi cán bộ hướng dẫn.</source>
        <translation>Dossier %1 was not found. Please ask a staff member for help.</translation>
    </message>
    <message>
        <source>Hồ sơ %1 %2. Xin vui lòng hỏi cán bộ hướng dẫn nếu cần.</source>
        <translation>Dossier %1 %2. Please ask a staff member if you need help.</translation>
    </message>
    <message>
        <source>Chưa có quầy nào nhận hồ sơ của %1. Xin vui lòng hỏi cán bộ hướng dẫn.</source>
        <translation>No counter takes dossiers of %1 yet. Please ask a staff member for help.</translation>
    </message>
    <message>
        <source>Không tìm thấy hồ sơ của phiếu trả kết quả</source>
        <translation>The dossier of this result-return ticket was not found</translation>
    </message>
</context>
<context>
    <name>services.satisfaction_report</name>
    <message>
        <source>Nhóm theo phải là một trong: %1</source>
        <translation>Group by must be one of: %1</translation>
    </message>
    <message>
        <source>Ngày kết thúc trước ngày bắt đầu</source>
        <translation>The end date is before the start date</translation>
    </message>
</context>
<context>
    <name>services.settings</name>
    <message>
        <source>đổi cài đặt của trung tâm</source>
        <translation>change the centre&apos;s settings</translation>
    </message>
</context>
<context>
    <name>services.station_setup</name>
    <message>
        <source>Quầy tiếp nhận và trả kết quả</source>
        <translation>Reception and results counter</translation>
    </message>
    <message>
        <source>Máy lấy số (kiosk)</source>
        <translation>Ticket kiosk</translation>
    </message>
    <message>
        <source>Màn hình hiển thị số thứ tự (TV)</source>
        <translation>Queue number display (TV)</translation>
    </message>
    <message>
        <source>Màn hình đánh giá hài lòng của quầy</source>
        <translation>Counter&apos;s satisfaction rating screen</translation>
    </message>
    <message>
        <source>Giám sát</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Chọn nơi lưu dữ liệu: tệp trên máy này, hoặc máy chủ của trung tâm</source>
        <translation>Choose where the data is kept: a file on this computer, or the centre&apos;s server</translation>
    </message>
    <message>
        <source>Nhập địa chỉ máy chủ (vd. 10.0.0.2 hoặc may-chu.local)</source>
        <translation>Enter the server address (e.g. 10.0.0.2 or may-chu.local)</translation>
    </message>
    <message>
        <source>Địa chỉ máy chủ «%1» không hợp lệ (dùng địa chỉ IP hoặc tên máy)</source>
        <translation>The server address «%1» is not valid (use an IP address or a computer name)</translation>
    </message>
    <message>
        <source>Cổng phải là số từ 1 đến 65535 (PostgreSQL: 5432)</source>
        <translation>The port must be a number from 1 to 65535 (PostgreSQL: 5432)</translation>
    </message>
    <message>
        <source>Nhập tên cơ sở dữ liệu</source>
        <translation>Enter the database name</translation>
    </message>
    <message>
        <source>Tên cơ sở dữ liệu «%1» không hợp lệ: chỉ chữ không dấu, số, _ . - (bắt đầu bằng chữ, tối đa 63 ký tự)</source>
        <translation>The database name «%1» is not valid: only letters without accents, digits, _ . - (starting with a letter, at most 63 characters)</translation>
    </message>
    <message>
        <source>Nhập người dùng</source>
        <translation>Enter the user</translation>
    </message>
    <message>
        <source>Người dùng «%1» không hợp lệ: chỉ chữ không dấu, số, _ . - (bắt đầu bằng chữ, tối đa 63 ký tự)</source>
        <translation>The user «%1» is not valid: only letters without accents, digits, _ . - (starting with a letter, at most 63 characters)</translation>
    </message>
    <message>
        <source>Không có tệp chứng chỉ CA «%1»</source>
        <translation>There is no CA certificate file «%1»</translation>
    </message>
    <message>
        <source>Mật khẩu không được có xuống dòng</source>
        <translation>The password must not contain line breaks</translation>
    </message>
    <message>
        <source>Chọn vai trò của máy trạm: %1</source>
        <translation>Choose the station&apos;s role: %1</translation>
    </message>
    <message>
        <source>Nhập số quầy của máy này (1–999)</source>
        <translation>Enter this computer&apos;s counter number (1–999)</translation>
    </message>
    <message>
        <source>Không lưu được mật khẩu: %1. Cài keyring rồi làm lại, hoặc để trống nếu máy chủ không cần mật khẩu.</source>
        <translation>Cannot save the password: %1. Install keyring and try again, or leave it empty if the server needs no password.</translation>
    </message>
    <message>
        <source>Khổ giấy máy in phải là 80mm hoặc 58mm</source>
        <translation>The printer paper width must be 80mm or 58mm</translation>
    </message>
    <message>
        <source>Chỉ máy lấy số (kiosk) dùng máy in phiếu: để trống ô này</source>
        <translation>Only the ticket kiosk uses a ticket printer: leave this field empty</translation>
    </message>
    <message>
        <source>Cổng máy in: %1</source>
        <translation>Printer port: %1</translation>
    </message>
    <message>
        <source>Chỉ máy quầy dùng bàn phím đánh giá: để trống ô này</source>
        <translation>Only a counter computer uses a rating keypad: leave this field empty</translation>
    </message>
    <message>
        <source>Cổng bàn phím: %1</source>
        <translation>Keypad port: %1</translation>
    </message>
    <message>
        <source>Giao thức bàn phím phải là ascii hoặc framed</source>
        <translation>The keypad protocol must be ascii or framed</translation>
    </message>
    <message>
        <source>Địa chỉ bàn phím trên đường RS485 phải là số 0–255</source>
        <translation>The keypad address on the RS485 line must be a number 0–255</translation>
    </message>
    <message>
        <source>địa chỉ mạng «%1» không hợp lệ</source>
        <translation>the network address «%1» is not valid</translation>
    </message>
    <message>
        <source>«%1» không phải cổng hợp lệ (vd. /dev/ttyUSB0, COM3 hoặc socket://10.0.0.5:9100)</source>
        <translation>«%1» is not a valid port (e.g. /dev/ttyUSB0, COM3 or socket://10.0.0.5:9100)</translation>
    </message>
    <message>
        <source>«%1» không phải cổng hợp lệ (vd. /dev/ttyUSB0, COM4 hoặc socket://10.0.0.6:4001)</source>
        <translation>«%1» is not a valid port (e.g. /dev/ttyUSB0, COM4 or socket://10.0.0.6:4001)</translation>
    </message>
    <message>
        <source>Không ghi được tệp cấu hình %1: %2</source>
        <translation>Cannot write the configuration file %1: %2</translation>
    </message>
    <message>
        <source>Không ghi được mục tự khởi động %1: %2</source>
        <translation>Cannot write the autostart entry %1: %2</translation>
    </message>
</context>
<context>
    <name>services.ticket_issue</name>
    <message>
        <source>Loại ưu tiên không hợp lệ: %1</source>
        <translation>Invalid priority category: %1</translation>
    </message>
    <message>
        <source>Không có dịch vụ mã «%1»</source>
        <translation>No service with code «%1»</translation>
    </message>
    <message>
        <source>Dịch vụ «%1» đã hết số hôm nay (%2 số); xin mời quay lại vào ngày làm việc tiếp theo</source>
        <translation>The service «%1» has no numbers left today (%2 numbers); please come back on the next working day</translation>
    </message>
    <message>
        <source>cơ sở dữ liệu chưa được khởi tạo hoặc chưa nâng cấp; chạy «motcua db upgrade»</source>
        <translation>the database is not set up or not upgraded yet; run «motcua db upgrade»</translation>
    </message>
    <message>
        <source>không ghi được vào cơ sở dữ liệu %1: %2</source>
        <translation>could not write to the database %1: %2</translation>
    </message>
</context>
<context>
    <name>services.ticket_printing</name>
    <message>
        <source>ngày %1, dịch vụ %2</source>
        <translation>date %1, service %2</translation>
    </message>
    <message>
        <source>ngày %1</source>
        <translation>date %1</translation>
    </message>
    <message>
        <source>Không có phiếu số %1 (%2)</source>
        <translation>There is no ticket number %1 (%2)</translation>
    </message>
    <message>
        <source>Có %1 phiếu số %2 (%3: dịch vụ %4); chọn một bằng --service</source>
        <translation>There are %1 tickets numbered %2 (%3: services %4); choose one with --service</translation>
    </message>
</context>
<context>
    <name>services.workdays</name>
    <message>
        <source>sửa ngày nghỉ, ngày làm việc</source>
        <translation>change days off and working days</translation>
    </message>
    <message>
        <source>Chọn «nghỉ» hoặc «làm việc»</source>
        <translation>Choose «day off» or «working day»</translation>
    </message>
    <message>
        <source>Ngày %1 vốn là ngày làm việc: chỉ đánh dấu làm việc cho ngày lễ, Tết hoặc thứ Bảy, Chủ nhật</source>
        <translation>%1 is already a working day: mark as working only public holidays, Tết, Saturdays or Sundays</translation>
    </message>
    <message>
        <source>Cần ghi lý do (từ 2 đến 300 ký tự)</source>
        <translation>Enter a reason (2 to 300 characters)</translation>
    </message>
    <message>
        <source>sửa giờ làm việc</source>
        <translation>change working hours</translation>
    </message>
    <message>
        <source>Cần ít nhất một buổi làm việc</source>
        <translation>At least one working period is needed</translation>
    </message>
    <message>
        <source>Các buổi làm việc phải có giờ bắt đầu trước giờ kết thúc và không chồng lên nhau</source>
        <translation>Each working period must start before it ends, and periods must not overlap</translation>
    </message>
</context>
<context>
    <name>store.engine</name>
    <message>
        <source>Máy chủ đã ngắt phiên làm việc vì bị treo giữa chừng quá %1 giây; thao tác chưa được lưu, vui lòng thử lại</source>
        <translation>The server ended the session because it stalled midway for more than %1 seconds; nothing was saved, please try again</translation>
    </message>
    <message>
        <source>Hệ thống đang bận: một máy khác đang giữ dữ liệu này quá %1 giây. Vui lòng thử lại sau giây lát</source>
        <translation>The system is busy: another computer has held this data for more than %1 seconds. Please try again in a moment</translation>
    </message>
    <message>
        <source>Vai trò cơ sở dữ liệu của máy trạm này không được phép làm việc này (xem docs/security.md: mỗi loại máy trạm chỉ làm phần việc của nó)</source>
        <translation>The database role of this workstation may not do this (see docs/security.md: each kind of workstation does only its own part)</translation>
    </message>
    <message>
        <source>Máy chủ cơ sở dữ liệu không trả lời trong %1 giây (quá tải hoặc treo). Vui lòng thử lại</source>
        <translation>The database server did not answer within %1 seconds (overloaded or stalled). Please try again</translation>
    </message>
    <message>
        <source>Lịch sử (phiếu, hồ sơ, thu phí, đánh giá, nhật ký thay đổi) chỉ được ghi thêm: không sửa, không xoá được; hãy ghi một sự kiện điều chỉnh</source>
        <translation>History (tickets, dossiers, fees, ratings, change log) can only be added to: it cannot be changed or deleted; record a correcting event instead</translation>
    </message>
    <message>
        <source>Không mở được cơ sở dữ liệu trên máy này (tệp bị khóa hoặc không truy cập được)</source>
        <translation>Could not open the database on this computer (the file is locked or cannot be accessed)</translation>
    </message>
    <message>
        <source>Mất kết nối tới máy chủ cơ sở dữ liệu; đang thử kết nối lại</source>
        <translation>Lost the connection to the database server; trying to reconnect</translation>
    </message>
    <message>
        <source>Loại cơ sở dữ liệu không được hỗ trợ: %1 (chỉ SQLite hoặc PostgreSQL)</source>
        <translation>Unsupported kind of database: %1 (only SQLite or PostgreSQL)</translation>
    </message>
</context>
<context>
    <name>store.lean_sqlite</name>
    <message>
        <source>không có cơ sở dữ liệu tại %1; chạy «motcua db upgrade»</source>
        <translation>there is no database at %1; run «motcua db upgrade»</translation>
    </message>
    <message>
        <source>không mở được cơ sở dữ liệu %1: %2</source>
        <translation>could not open the database %1: %2</translation>
    </message>
    <message>
        <source>cơ sở dữ liệu đang bận, thử lại sau: %1</source>
        <translation>the database is busy, try again later: %1</translation>
    </message>
</context>
<context>
    <name>store.roles</name>
    <message>
        <source>Tiền tố tên vai trò chỉ gồm chữ thường không dấu, số và _ (bắt đầu bằng chữ hoặc _, tối đa 41 ký tự)</source>
        <translation>The role name prefix may hold only unaccented lower-case letters, digits and _ (starting with a letter or _, at most 41 characters)</translation>
    </message>
    <message>
        <source>Chỉ tài khoản chủ cơ sở dữ liệu (tài khoản bảo trì) được %1; máy trạm này kết nối bằng vai trò của máy trạm</source>
        <translation>Only the database owner&apos;s account (the maintenance account) may %1; this workstation connects with a workstation role</translation>
    </message>
    <message>
        <source>Vai trò cơ sở dữ liệu chỉ có trên PostgreSQL (tệp SQLite trên một máy không có vai trò; xem docs/security.md)</source>
        <translation>Database roles exist only on PostgreSQL (a SQLite file on one computer has no roles; see docs/security.md)</translation>
    </message>
    <message>
        <source>tạo vai trò của máy trạm</source>
        <translation>create the workstation roles</translation>
    </message>
    <message>
        <source>xóa vai trò của máy trạm</source>
        <translation>delete the workstation roles</translation>
    </message>
</context>
</TS>
