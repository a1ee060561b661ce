using CoCreation.Messaging.Outbox;

namespace CoCreation.Messaging.Tests;

public class OutboxOptionsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(1000, 30)]
    public void Retry_delays_double_from_one_second_and_stop_at_the_ceiling(int attempts, int expectedSeconds)
    {
        var options = new OutboxOptions { MaxRetryDelay = TimeSpan.FromSeconds(30) };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), options.RetryDelayAfter(attempts));
    }
}
