from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("forms_app", "0006_topics_from_the_topic_dropdown")]

    operations = [migrations.DeleteModel(name="TopicRoute")]
