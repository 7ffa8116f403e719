using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Tests.Domain;

public sealed class ReceiptPointerTests
{
    private static readonly ReceiptPointer DeliveredFiveReadThree = new(5, 3);

    [Fact]
    public void Pointers_move_forward() => Assert.Equal(new ReceiptPointer(7, 6), DeliveredFiveReadThree.Advance(7, 6, 10));

    [Fact]
    public void An_older_report_never_moves_them_back() => Assert.Equal(DeliveredFiveReadThree, DeliveredFiveReadThree.Advance(2, 1, 10));

    [Fact]
    public void They_stop_at_the_last_message_that_exists() => Assert.Equal(new ReceiptPointer(10, 10), DeliveredFiveReadThree.Advance(99, 42, 10));

    [Fact]
    public void Having_read_implies_having_received() => Assert.Equal(new ReceiptPointer(8, 8), DeliveredFiveReadThree.Advance(null, 8, 10));

    [Fact]
    public void A_report_of_only_delivery_leaves_the_read_pointer() => Assert.Equal(new ReceiptPointer(9, 3), DeliveredFiveReadThree.Advance(9, null, 10));

    [Fact]
    public void A_report_of_nothing_changes_nothing() => Assert.Equal(DeliveredFiveReadThree, DeliveredFiveReadThree.Advance(null, null, 10));

    [Fact]
    public void Negative_numbers_change_nothing() => Assert.Equal(DeliveredFiveReadThree, DeliveredFiveReadThree.Advance(-1, -7, 10));

    [Fact]
    public void An_empty_conversation_keeps_them_at_zero() => Assert.Equal(new ReceiptPointer(0, 0), new ReceiptPointer(0, 0).Advance(3, 3, 0));
}
