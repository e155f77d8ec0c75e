<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>ActionDialog</name>
    <message>
        <source>%1 — hồ sơ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Hồ sơ %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xác nhận (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bấm Enter để xác nhận, Esc để thôi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đơn vị nhận hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số hiệu bưu gửi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người nhận kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày hẹn trả mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số biên lai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số tiền đã nộp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hình thức nộp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> đồng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Để trống nếu người nộp tự nhận (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <source>motcua — Quản trị trung tâm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đăng nhập: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgencyDialog</name>
    <message>
        <source>Sửa cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sở, ban, ngành</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doanh nghiệp dịch vụ công (điện, nước…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã định danh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarChartWidget</name>
    <message>
        <source>Chưa có số liệu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <source>Ngày nghỉ &amp;&amp; giờ làm việc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày lễ, Tết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nghỉ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Làm bù</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày lễ, Tết theo quy định</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Năm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày nghỉ bù, ngày làm bù của trung tâm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm / sửa ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xóa ngày đã chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giờ làm việc trong ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm buổi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu giờ làm việc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu giờ làm việc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu ngày %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã xóa ngày %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogueTab</name>
    <message>
        <source>Danh mục thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sửa cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tìm thủ tục: gõ có dấu hoặc không dấu (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm thủ tục (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ quan (số thủ tục)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 thủ tục khớp «%2» (mọi cơ quan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 thủ tục của %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu thủ tục «%1».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu cơ quan «%1».</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <source>motcua — Quầy số %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tra cứu hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bàn phím đánh giá</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F8: tra cứu hồ sơ theo mã</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy số %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gọi số tiếp theo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gọi lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bắt đầu phục vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vắng mặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chuyển…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kết thúc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kết thúc và gọi số tiếp theo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bấm F1 hoặc Space để gọi số tiếp theo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không có quầy số %1 (hoặc quầy đã ngừng hoạt động); hãy báo quản trị.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số %1: công dân đã đánh giá «%2»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số %1: đang chờ đánh giá trên bàn phím (còn %2 giây)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Các nút tạm khóa cho đến khi kết nối lại; số đang phục vụ vẫn được giữ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã kết thúc số %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, quầy số %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã chuyển số %1 sang %2. Bấm F1 để gọi số tiếp theo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã kết thúc số %1. Bấm F1 để gọi số tiếp theo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số %1 được ghi vắng mặt. Bấm F1 để gọi số tiếp theo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không có ai đang chờ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã hồ sơ (như in trên phiếu hẹn):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountersTab</name>
    <message>
        <source>Quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gọi các dịch vụ (theo thứ tự)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang hoạt động</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xuống</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gọi dịch vụ này trước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dịch vụ được gọi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đánh dấu các dịch vụ quầy gọi; dịch vụ ở trên được gọi trước.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm quầy (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoạt động</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngừng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sửa quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy số %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu quầy số %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashNotifier</name>
    <message>
        <source>Lỗi phần mềm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã xảy ra lỗi phần mềm không mong muốn. Thao tác vừa rồi có thể chưa được thực hiện; chương trình vẫn tiếp tục chạy.
Hãy báo cho bộ phận kỹ thuật.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Báo cáo lỗi: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lỗi đã được ghi vào nhật ký.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (lần thứ {0})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayTab</name>
    <message>
        <source>Xem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dịch vụ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kết quả:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 số · %2 đã phục vụ · %3 vắng mặt · chờ TB %4 · phục vụ TB %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>có</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã gửi ngày %1 tới máy in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceStatusWidget</name>
    <message>
        <source>không sử dụng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sẵn sàng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>đang gặp sự cố</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chưa kết nối</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicesBox</name>
    <message>
        <source>3. Thiết bị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>không dùng — hoặc địa chỉ IP máy in mạng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>58 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In thử</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>không dùng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ascii — mỗi phím một ký tự</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>framed — nhiều bàn phím trên RS485</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>địa chỉ </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thử bàn phím</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Làm mới danh sách cổng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cổng nối tiếp do hệ điều hành liệt kê. Máy in mạng: gõ địa chỉ IP (vd. 10.0.0.5, cổng {PRINTER_PORT}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Máy lấy số (kiosk) in phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chọn cổng rồi bấm «In thử»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bàn phím đánh giá gắn với máy quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chọn cổng, bấm «Thử bàn phím» rồi bấm một phím</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chọn hoặc nhập cổng {0} trước khi thử</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>máy in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang in trang thử ra {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In thử không được: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bàn phím</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hãy bấm một phím trên bàn phím đánh giá… (chờ {0:g} giây)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không nhận được phím nào trong {0:g} giây: kiểm tra cáp, cổng và giao thức</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (bàn phím địa chỉ {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã nhận phím «{0}»{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không thử được bàn phím: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <source>Màn hình gọi số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mất kết nối cơ sở dữ liệu — đang kết nối lại…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vừa gọi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Máy này không phát được âm thanh: chỉ hiển thị số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsChecklist</name>
    <message>
        <source>Nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên giấy tờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bản chính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bản sao CT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bản photo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsTable</name>
    <message>
        <source>Tên giấy tờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại bản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số lượng</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierViewDialog</name>
    <message>
        <source>Hồ sơ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quá trình giải quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ quan giải quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số thứ tự</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tạm dừng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận lúc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hẹn trả kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hẹn trả ban đầu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quá hạn %1 ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tính từ ngày hẹn trả ban đầu; hồ sơ tạm dừng trước hạn không bị tính quá hạn trong khi tạm dừng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thao tác được phép ở trạng thái hiện tại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In lại phiếu hẹn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Mẫu %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang tạm dừng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chờ bổ sung từ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; chưa thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; đã thu %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đơn vị nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số hiệu bưu gửi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biên lai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hẹn trả mới: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hồ sơ đã kết thúc: không còn thao tác nào</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã %1: hồ sơ %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Mẫu %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1 cho người nộp?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Để sau</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DueTab</name>
    <message>
        <source>Làm mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mở hồ sơ (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhấp đúp một dòng để mở hồ sơ: xem quá trình, xin lỗi, chuyển, trả kết quả…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chọn một hồ sơ trong danh sách trước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sắp đến hạn (trong %1 ngày làm việc): %2 hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quá hạn: %1 hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormPreviewDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormRequestDialog</name>
    <message>
        <source>Mỗi dòng một giấy tờ hoặc nội dung cần bổ sung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi cụ thể; mỗi dòng một lý do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đánh dấu giấy tờ còn thiếu (Space), thêm nội dung khác nếu cần:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giấy tờ cần bổ sung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nội dung khác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lý do từ chối</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tạo phiếu (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đánh dấu hoặc ghi ít nhất một giấy tờ cần bổ sung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi lý do yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi lý do cụ thể của việc từ chối tiếp nhận hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CCCD của chủ hồ sơ (12 chữ số, nếu có)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 chữ số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 chữ số, chi nhánh thêm -XXX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vd. 1985; để trống thì lấy theo CCCD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vd. 0912 345 678</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Để trống nếu người nộp là chủ hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theo CCCD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mức độ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tại Bộ phận một cửa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qua bưu chính công ích</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giải quyết và trả kết quả ngay tại quầy (thủ tục tại chỗ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phiếu bổ sung (Mẫu 02)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Từ chối (Mẫu 03)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Thành phần hồ sơ đã nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số lượng hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phí, lệ phí (theo danh mục)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Người nộp hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã số thuế *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Năm sinh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Điện thoại *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Địa chỉ *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chủ hồ sơ (nếu khác)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CCCD chủ hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Hình thức nộp và nhận kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hình thức nộp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mức độ trực tuyến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhận kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Địa chỉ nhận qua bưu chính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ô có dấu * là bắt buộc. Tab / Enter: sang ô tiếp theo · Ctrl+S: tiếp nhận · Esc: hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ — số thứ tự %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ (không gắn số thứ tự)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiếp nhận và trả kết quả (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Họ và tên *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên tổ chức *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số CCCD *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CCCD người đại diện</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chọn thủ tục: gõ vài chữ của tên thủ tục, bấm ↓ rồi Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Năm sinh phải gồm 4 chữ số, từ 1900</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa đánh dấu giấy tờ nào đã nhận; hồ sơ thiếu thì in Phiếu bổ sung (Mẫu 02)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang lưu hồ sơ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa lưu được hồ sơ: %1 Mọi thông tin đã nhập vẫn được giữ nguyên; bấm «Thử lại» khi có kết nối.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bỏ hồ sơ đang nhập?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Những gì đã nhập sẽ mất. Đóng biểu mẫu tiếp nhận?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeypadPadWindow</name>
    <message>
        <source>Bàn phím đánh giá — quầy %1 (giả lập)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bàn phím đánh giá của quầy %1 (giả lập trên cổng %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Công dân bấm một phím sau khi cán bộ kết thúc số (F6 ở quầy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không gửi được phím %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã bấm phím %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Lấy số thứ tự</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Máy in phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xin mời chạm vào lĩnh vực bạn cần để lấy số thứ tự</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nếu bạn thuộc diện ưu tiên, hãy chạm chọn một ô dưới đây trước, rồi chạm lĩnh vực:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số của bạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hiện chưa có lĩnh vực nào nhận số. Xin vui lòng hỏi cán bộ hướng dẫn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vui lòng ghi nhớ số {number} và chờ gọi số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang in phiếu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hệ thống tạm thời gián đoạn, chưa lấy được số. Xin vui lòng thử lại sau ít phút hoặc hỏi cán bộ hướng dẫn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa lấy được số do lỗi phần mềm. Xin vui lòng hỏi cán bộ hướng dẫn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ưu tiên: {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trước bạn còn {n} người · Chờ khoảng {m} phút</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không có ai chờ trước bạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xin lỗi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không tạo được nội dung phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mời bạn nhận phiếu in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Máy in đang gặp sự cố: {reason}.
Vui lòng ghi nhớ số {number} và chờ gọi số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Máy in phiếu đang tạm dừng ({reason}). Bạn vẫn lấy được số: hãy ghi nhớ số hiện trên màn hình.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveTab</name>
    <message>
        <source>Mã</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dịch vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang chờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ưu tiên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chờ lâu nhất</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hàng chờ theo dịch vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Các quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hôm nay: %1 số đã lấy · %2 đang chờ · %3 đã phục vụ · %4 vắng mặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chờ lâu nhất hiện nay: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>không có ai chờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đánh giá hôm nay: %1 lượt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa có số</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Thử lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chi tiết…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đóng thông báo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Báo cáo lỗi: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lỗi phần mềm không mong muốn; thao tác chưa được thực hiện. Hãy báo cho bộ phận kỹ thuật (bấm «Chi tiết…»).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chi tiết lỗi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <source>Nhập số đồng nguyên, không âm (vd. 1.500.000)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotReceivedFlow</name>
    <message>
        <source>Chọn thủ tục trước khi in phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghi tên người nộp để in trên phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã tạo %1: %2 (hồ sơ không được tiếp nhận)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficersTab</name>
    <message>
        <source>Cán bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoạt động</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bị khóa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Được đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm cán bộ (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>có</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>không</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sửa tài khoản %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tài khoản mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu không khớp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu tài khoản «%1».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã đặt mật khẩu mới cho «%1»; tài khoản được mở khóa.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfDialog</name>
    <message>
        <source>Đang tạo phiếu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu PDF… (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tệp: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không có công cụ xem trước (pdftoppm); mở tệp ở trên.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không xem trước được; mở tệp ở trên.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không lưu được vào %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Máy in không sẵn sàng; phiếu chưa được in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã gửi phiếu tới máy in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeriodRow</name>
    <message>
        <source>Bỏ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeriodTab</name>
    <message>
        <source>Lập báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Từ ngày:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>đến ngày:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên cơ quan giải quyết TTHC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Báo cáo tình hình giải quyết hồ sơ từ ngày %1 đến ngày %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tổng cộng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Các đẳng thức kiểm tra đều đúng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcedureForm</name>
    <message>
        <source>Nhận hồ sơ đến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không trực tuyến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mức %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giải quyết ngay tại quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nhận/trả qua bưu chính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang áp dụng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời hạn giải quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giờ tiếp nhận cuối</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khi yêu cầu bổ sung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phí, lệ phí (đồng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dịch vụ công trực tuyến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm giấy tờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bỏ dòng đã chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy thay đổi (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thành phần hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sửa thủ tục — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thủ tục mới — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <source>1. Thủ tục hành chính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gõ tên hoặc mã thủ tục (có dấu hay không dấu đều được)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tất cả cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa chọn thủ tục.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 thủ tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> của các cơ quan thuộc dịch vụ của số thứ tự · ↓ để chọn, Enter để lấy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · ↓ để chọn, Enter để lấy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không thấy thủ tục nào</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — thử đánh dấu «Tất cả cơ quan»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mức độ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>không</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời hạn: %1 · Trực tuyến: %2 · Bưu chính: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>có</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Đang chờ tại quầy này</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Các dịch vụ khác (để chuyển số)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trong đó ưu tiên: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatingWindow</name>
    <message>
        <source>motcua — Đánh giá tại quầy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xin cảm ơn quý khách</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mời quý khách đánh giá mức độ hài lòng với cán bộ vừa phục vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cảm ơn quý khách đã đánh giá: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RenderedPdfDialog</name>
    <message>
        <source>Chưa tạo được phiếu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không ghi được tệp phiếu: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServicesTab</name>
    <message>
        <source>Dịch vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên dịch vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dải số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tối đa/ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giới hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> phút</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang phục vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mã dịch vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiền tố số phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dải số phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số phiếu tối đa mỗi ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thời gian phục vụ trung bình</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phục vụ các cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thêm dịch vụ (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>không giới hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sửa dịch vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dịch vụ mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu dịch vụ «%1».</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Cài đặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu cài đặt (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy thay đổi (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cài đặt chung của trung tâm (áp dụng cho mọi máy trạm).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã lưu cài đặt của trung tâm.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWindow</name>
    <message>
        <source>Cài đặt máy trạm — motcua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lưu và mở trạm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— chọn số quầy —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Máy này là</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Số quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tệp trên máy này (một máy, không cần máy chủ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Máy chủ PostgreSQL của trung tâm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>để trống nếu đã lưu hoặc máy chủ không cần</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiểm tra kết nối</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tạo / nâng cấp cơ sở dữ liệu trên máy này</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Máy chủ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cổng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Người dùng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Dữ liệu lưu ở</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tự mở trạm này toàn màn hình khi máy tính khởi động</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mục khởi động được ghi vào {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Khi máy tính khởi động</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cài đặt máy trạm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trả lời bốn mục dưới đây rồi bấm «Lưu và mở trạm». Cấu hình được ghi vào {0}; mật khẩu chỉ lưu trong keyring của hệ điều hành.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không lưu được mật khẩu: {0}. Để trống nếu máy chủ không cần mật khẩu cho máy này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mật khẩu được lưu vào keyring của hệ điều hành ({0}), không ghi vào tệp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang kiểm tra kết nối…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang tạo / nâng cấp cơ sở dữ liệu trên máy này…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa thử được: hãy sửa các ô được đánh dấu đỏ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Đăng nhập — motcua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <source>motcua — Giám sát — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trực tiếp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Báo cáo kỳ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đến hạn / quá hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đã kết nối lại cơ sở dữ liệu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketCard</name>
    <message>
        <source>SỐ TẠI QUẦY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chưa có số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Công dân đã đến: F3 bắt đầu phục vụ.  Chưa thấy đến: F2 gọi lại, F4 vắng mặt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xong việc: F6 kết thúc, hoặc Ctrl+Enter kết thúc và gọi số tiếp theo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ƯU TIÊN: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gọi lúc %1 (cách đây %2) · đã gọi %3 lần</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Chuyển số %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chuyển số &lt;b&gt;%1&lt;/b&gt; sang dịch vụ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gõ mã hoặc tên dịch vụ, ↑/↓ để chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chuyển (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đến quầy (không bắt buộc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 đang chờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy bất kỳ phục vụ dịch vụ này</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quầy số %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_CallRow</name>
    <message>
        <source>→ Quầy %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_CounterCell</name>
    <message>
        <source>Quầy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mời đến quầy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Đang phục vụ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>Không mở được {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Không mở được bàn phím đánh giá</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tab</name>
    <message>
        <source>Lưu (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hủy thay đổi (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
